import { Router } from 'express';
import { applyLedgerChange } from '../../db/queries/credits.js';
import { findUser, findUserWithRole, publicUser, upsertUser } from '../../db/queries/users.js';
import { callerOf, requireRole } from '../auth.js';
import type { ApiDeps } from '../deps.js';
import { ApiError } from '../problems.js';
import { grantCreditsBody, idParams, putUserBody } from '../schemas.js';
import { parse } from '../validate.js';
import { randomUUID } from 'node:crypto';

/** The back office: operators manage users and grant credits; a user may read themself. */
export function usersRouter({ db, clock }: ApiDeps): Router {
  const router = Router();

  router.put('/v1/users/:id', async (req, res) => {
    requireRole(res, 'operator');
    const { id } = parse(idParams, req.params, 'params');
    const body = parse(putUserBody, req.body, 'body');
    const result = await upsertUser(db, { id, ...body }, clock());
    if (!result.ok) {
      throw new ApiError('validation_failed', 'A user’s role cannot change.', [
        { path: 'body.role', message: 'A user’s role cannot change' },
      ]);
    }
    res.status(result.created ? 201 : 200).json(publicUser(result.user));
  });

  router.get('/v1/users/:id', async (req, res) => {
    const caller = callerOf(res);
    const { id } = parse(idParams, req.params, 'params');
    const user =
      caller.role === 'operator' || caller.id === id ? await findUser(db, id) : undefined;
    if (!user) throw new ApiError('not_found', 'No such user.');
    res.json(publicUser(user));
  });

  router.post('/v1/users/:id/credits', async (req, res) => {
    requireRole(res, 'operator');
    const { id } = parse(idParams, req.params, 'params');
    const body = parse(grantCreditsBody, req.body, 'body');
    if (!(await findUserWithRole(db, id, 'client')))
      throw new ApiError('client_not_found', 'Credits are only for clients.');
    const result = await db.transaction((tx) =>
      applyLedgerChange(tx, {
        userId: id,
        delta: body.amount,
        reason: 'grant',
        note: body.reason ?? null,
        idempotencyKey: `grant:${id}:${body.idempotencyKey ?? randomUUID()}`,
        at: clock(),
      }),
    );
    res.status(201).json({ balance: result.balance });
  });

  return router;
}
