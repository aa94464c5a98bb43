import { Router } from 'express';
import { listNotifications, markNotificationRead } from '../../db/queries/notifications.js';
import { callerOf } from '../auth.js';
import type { ApiDeps } from '../deps.js';
import { ApiError } from '../problems.js';
import { idParams, notificationListQuery } from '../schemas.js';
import { parse } from '../validate.js';

export function notificationsRouter({ db, clock }: ApiDeps): Router {
  const router = Router();

  router.get('/v1/notifications', async (req, res) => {
    const caller = callerOf(res);
    const { unread } = parse(notificationListQuery, req.query, 'query');
    res.json({ items: await listNotifications(db, caller.id, unread === 'true') });
  });

  router.post('/v1/notifications/:id/read', async (req, res) => {
    const caller = callerOf(res);
    const { id } = parse(idParams, req.params, 'params');
    const notification = await markNotificationRead(db, caller.id, id, clock());
    if (!notification) throw new ApiError('not_found', 'No such notification.');
    res.json(notification);
  });

  return router;
}
