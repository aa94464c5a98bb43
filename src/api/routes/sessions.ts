import { Router } from 'express';
import { findSessionView, listSessionsForCaller } from '../../db/queries/invites.js';
import { requireRole } from '../auth.js';
import type { ApiDeps } from '../deps.js';
import { ApiError } from '../problems.js';
import { idParams, sessionListQuery } from '../schemas.js';
import { parse } from '../validate.js';

export function sessionsRouter({ db }: ApiDeps): Router {
  const router = Router();

  router.get('/v1/sessions', async (req, res) => {
    const caller = requireRole(res, 'coach', 'client');
    const { status } = parse(sessionListQuery, req.query, 'query');
    res.json({ items: await listSessionsForCaller(db, caller, status) });
  });

  router.get('/v1/sessions/:id', async (req, res) => {
    const caller = requireRole(res, 'coach', 'client', 'operator');
    const { id } = parse(idParams, req.params, 'params');
    const session = await findSessionView(db, id, caller);
    if (!session) throw new ApiError('not_found', 'No such session.');
    res.json(session);
  });

  return router;
}
