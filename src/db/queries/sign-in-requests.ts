import { and, eq, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { signInRequestCounts } from '../schema.js';

/**
 * Counts one more request under `key` in the window starting at `windowStart` and answers the
 * count so far. One atomic upsert: two replicas counting at once both see their own increment.
 * The key's finished windows are dropped on the way, so rows do not pile up per key.
 */
export async function countSignInRequest(
  db: DbOrTx,
  key: string,
  windowStart: Date,
): Promise<number> {
  const [row] = await db
    .insert(signInRequestCounts)
    .values({ key, windowStart, count: 1 })
    .onConflictDoUpdate({
      target: [signInRequestCounts.key, signInRequestCounts.windowStart],
      set: { count: sql`${signInRequestCounts.count} + 1` },
    })
    .returning({ count: signInRequestCounts.count });
  await db
    .delete(signInRequestCounts)
    .where(and(eq(signInRequestCounts.key, key), lt(signInRequestCounts.windowStart, windowStart)));
  return row?.count ?? 1;
}

/** Drops every window that ended before `before` (keys never seen again leave rows behind). */
export async function forgetSignInRequestsBefore(db: DbOrTx, before: Date): Promise<void> {
  await db.delete(signInRequestCounts).where(lt(signInRequestCounts.windowStart, before));
}
