import { createHash, randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import {
  claimIdempotencyKey,
  releaseIdempotencyKey,
  storeIdempotentAnswer,
} from '../db/queries/idempotency.js';
import type { Caller } from '../domain/model.js';
import type { ApiDeps } from './deps.js';
import { ApiError, problemBody } from './problems.js';

const KEY_FORMAT = /^[\x20-\x7e]{1,255}$/;
/** Keys are kept at least this long; older ones are purged whenever a key is claimed. */
const KEPT_MS = 24 * 3_600_000;

/** The request's `Idempotency-Key`, if it sent one: 1–255 printable ASCII characters. */
function idempotencyKeyOf(req: Request): string | undefined {
  const key = req.get('idempotency-key');
  if (key === undefined || KEY_FORMAT.test(key)) return key;
  throw new ApiError('validation_failed', 'The Idempotency-Key header is invalid.', [
    { path: 'headers.idempotency-key', message: 'Must be 1–255 printable ASCII characters' },
  ]);
}

/** Two requests are the same when their route, path parameters and parsed bodies are. */
function requestHash(req: Request, body: unknown): string {
  const route = `${req.method} ${req.baseUrl}${String(req.route?.path)}`;
  return createHash('sha256')
    .update(JSON.stringify([route, req.params, body]))
    .digest('hex');
}

/**
 * Answers a request that creates an invite: `create` opens it under the given id. With an
 * `Idempotency-Key`, the first request claims the caller's key with a fresh invite id; a retry,
 * concurrent or later, opens the same id (so the same `invite-<id>` workflow) until an answer is
 * stored, then replays it. A 201 or a 4xx problem is stored; a 503 (outcome unknown, the invite
 * withdrawn) forgets the key, so that a retry is a fresh attempt.
 */
export async function createInviteOnce(
  { db, clock }: ApiDeps,
  { req, res, caller, body }: { req: Request; res: Response; caller: Caller; body: unknown },
  create: (inviteId: string) => Promise<unknown>,
): Promise<void> {
  const key = idempotencyKeyOf(req);
  if (key === undefined) {
    res.status(201).json(await create(randomUUID()));
    return;
  }
  const hash = requestHash(req, body);
  const now = clock();
  const record = await claimIdempotencyKey(db, {
    callerId: caller.id,
    key,
    requestHash: hash,
    inviteId: randomUUID(),
    now,
    keptSince: new Date(now.getTime() - KEPT_MS),
  });
  if (record.requestHash !== hash)
    throw new ApiError('idempotency_key_reused', 'This Idempotency-Key came with another request.');
  if (record.responseStatus !== null) {
    res
      .status(record.responseStatus)
      .type(record.responseStatus >= 400 ? 'application/problem+json' : 'application/json')
      .set('Idempotent-Replayed', 'true')
      .json(record.responseBody);
    return;
  }
  try {
    const created = await create(record.inviteId);
    await storeIdempotentAnswer(db, record, { status: 201, body: created });
    res.status(201).json(created);
  } catch (error) {
    if (error instanceof ApiError && error.status < 500) {
      const problem = problemBody(error.code, error.message, error.errors);
      await storeIdempotentAnswer(db, record, { status: error.status, body: problem });
    }
    if (error instanceof ApiError && error.code === 'service_unavailable')
      await releaseIdempotencyKey(db, record);
    throw error;
  }
}
