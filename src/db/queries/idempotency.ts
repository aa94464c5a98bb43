import { and, eq, isNull, lt } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { idempotencyKeys } from '../schema.js';

export type IdempotencyRecord = typeof idempotencyKeys.$inferSelect;
type KeyRef = Pick<IdempotencyRecord, 'callerId' | 'key' | 'inviteId'>;

/**
 * The caller's record of `key`: the one this request creates, or the one an earlier or concurrent
 * request with the key created (with its own request hash and invite id). Records older than
 * `keptSince` are purged first, so a key is kept at least that long and no longer.
 */
export async function claimIdempotencyKey(
  db: DbOrTx,
  claim: Pick<IdempotencyRecord, 'callerId' | 'key' | 'requestHash' | 'inviteId'> & {
    now: Date;
    keptSince: Date;
  },
): Promise<IdempotencyRecord> {
  await db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, claim.keptSince));
  // The no-op update makes one statement return the existing row as well as a new one.
  const [record] = await db
    .insert(idempotencyKeys)
    .values({
      callerId: claim.callerId,
      key: claim.key,
      requestHash: claim.requestHash,
      inviteId: claim.inviteId,
      createdAt: claim.now,
    })
    .onConflictDoUpdate({
      target: [idempotencyKeys.callerId, idempotencyKeys.key],
      set: { callerId: claim.callerId },
    })
    .returning();
  return record as IdempotencyRecord;
}

const unanswered = (ref: KeyRef) =>
  and(
    eq(idempotencyKeys.callerId, ref.callerId),
    eq(idempotencyKeys.key, ref.key),
    eq(idempotencyKeys.inviteId, ref.inviteId),
    isNull(idempotencyKeys.responseStatus),
  );

/** Stores the key's answer; the first answer stored wins. */
export async function storeIdempotentAnswer(
  db: DbOrTx,
  ref: KeyRef,
  answer: { status: number; body: unknown },
): Promise<void> {
  await db
    .update(idempotencyKeys)
    .set({ responseStatus: answer.status, responseBody: answer.body })
    .where(unanswered(ref));
}

/** Forgets a key whose outcome is unknown, so that a retry is a fresh attempt. */
export async function releaseIdempotencyKey(db: DbOrTx, ref: KeyRef): Promise<void> {
  await db.delete(idempotencyKeys).where(unanswered(ref));
}
