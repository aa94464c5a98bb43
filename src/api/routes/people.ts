import { Router } from 'express';
import { getCredits } from '../../db/queries/credits.js';
import { findUserWithRole } from '../../db/queries/users.js';
import { requireRole } from '../auth.js';
import type { ApiDeps } from '../deps.js';
import { ApiError } from '../problems.js';
import { idParams } from '../schemas.js';
import { parse } from '../validate.js';

/** What any signed-in user may read about a coach, and a client's own credits. */
export function peopleRouter({ db }: ApiDeps): Router {
  const router = Router();

  router.get('/v1/coaches/:id', async (req, res) => {
    const { id } = parse(idParams, req.params, 'params');
    const coach = await findUserWithRole(db, id, 'coach');
    if (!coach) throw new ApiError('not_found', 'No such coach.');
    res.json({ id: coach.id, name: coach.name, email: coach.email, timezone: coach.timezone });
  });

  router.get('/v1/credits', async (_req, res) => {
    const caller = requireRole(res, 'client');
    res.json(await getCredits(db, caller.id));
  });

  return router;
}
