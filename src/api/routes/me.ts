import { Router } from 'express';
import { findProfile } from '../../db/queries/profiles.js';
import { requireRole } from '../auth.js';
import type { ApiDeps } from '../deps.js';
import { ApiError } from '../problems.js';

/** The signed-in coach or client themself (operators have no profile). */
export function meRouter({ db }: ApiDeps): Router {
  const router = Router();
  router.get('/v1/me', async (_req, res) => {
    const caller = requireRole(res, 'coach', 'client');
    const profile = await findProfile(db, caller.id);
    if (!profile) throw new ApiError('not_found', 'No such account.');
    res.json(profile);
  });
  return router;
}
