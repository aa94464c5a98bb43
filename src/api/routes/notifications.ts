import { Router } from 'express';
import { listNotifications, markNotificationRead } from '../../db/queries/notifications.js';
import { callerOf } from '../auth.js';
import type { ApiDeps } from '../deps.js';
import { pageAnswer, pageRequest } from '../paging.js';
import { ApiError } from '../problems.js';
import { idParams, notificationListQuery } from '../schemas.js';
import { parse } from '../validate.js';

export function notificationsRouter({ db, clock }: ApiDeps): Router {
  const router = Router();

  router.get('/v1/notifications', async (req, res) => {
    const caller = callerOf(res);
    const query = parse(notificationListQuery, req.query, 'query');
    const filter = { unreadOnly: query.unread === 'true', ...pageRequest(query) };
    const { unreadCount, ...page } = await listNotifications(db, caller.id, filter);
    res.json({ ...pageAnswer(page), unreadCount });
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
