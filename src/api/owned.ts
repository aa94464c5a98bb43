import type { Request } from 'express';
import { findInviteForCaller } from '../db/queries/invites.js';
import { findSessionView } from '../db/queries/sessions.js';
import type { Caller } from '../domain/model.js';
import type { ApiDeps } from './deps.js';
import { ApiError } from './problems.js';
import { idParams } from './schemas.js';
import { parse } from './validate.js';

/** The invite of the path, when the caller may see it; otherwise 404, its existence unsaid. */
export async function ownInvite({ db }: ApiDeps, req: Request, caller: Caller) {
  const { id } = parse(idParams, req.params, 'params');
  const invite = await findInviteForCaller(db, id, caller);
  if (!invite) throw new ApiError('not_found', 'No such invite.');
  return invite;
}

/** The session of the path, when the caller may see it; otherwise 404, its existence unsaid. */
export async function ownSession({ db }: ApiDeps, req: Request, caller: Caller) {
  const { id } = parse(idParams, req.params, 'params');
  const session = await findSessionView(db, id, caller);
  if (!session) throw new ApiError('not_found', 'No such session.');
  return session;
}
