import { Router } from 'express';
import {
  assignClient,
  findClientOfCoach,
  listClientsOfCoach,
  unassignClient,
} from '../../db/queries/coach-clients.js';
import { requireRole } from '../auth.js';
import type { ApiDeps } from '../deps.js';
import { encodeNameCursor } from '../name-paging.js';
import { ApiError } from '../problems.js';
import { clientListQuery, coachClientParams, idParams } from '../schemas.js';
import { parse } from '../validate.js';

const notAPair = () => new ApiError('not_found', 'No coach or no client has this id.');

/** Operators assign clients to coaches; a coach lists their own clients, whom alone they invite. */
export function coachClientsRouter({ db, clock }: ApiDeps): Router {
  const router = Router();

  router.put('/v1/coaches/:coachId/clients/:clientId', async (req, res) => {
    requireRole(res, 'operator');
    const { coachId, clientId } = parse(coachClientParams, req.params, 'params');
    const result = await assignClient(db, coachId, clientId, clock());
    if (!result.ok) throw notAPair();
    res.status(result.created ? 201 : 200).json({ coachId, clientId });
  });

  router.delete('/v1/coaches/:coachId/clients/:clientId', async (req, res) => {
    requireRole(res, 'operator');
    const { coachId, clientId } = parse(coachClientParams, req.params, 'params');
    if (!(await unassignClient(db, coachId, clientId)).ok) throw notAPair();
    res.status(204).end();
  });

  router.get('/v1/clients', async (req, res) => {
    const coach = requireRole(res, 'coach');
    const query = parse(clientListQuery, req.query, 'query');
    const page = await listClientsOfCoach(db, coach.id, {
      limit: query.limit,
      ...(query.cursor ? { after: query.cursor } : {}),
    });
    res.json({ items: page.items, nextCursor: page.next ? encodeNameCursor(page.next) : null });
  });

  router.get('/v1/clients/:id', async (req, res) => {
    const coach = requireRole(res, 'coach');
    const { id } = parse(idParams, req.params, 'params');
    const client = await findClientOfCoach(db, coach.id, id);
    if (!client) throw new ApiError('not_found', 'You have no client with this id.');
    res.json(client);
  });

  return router;
}
