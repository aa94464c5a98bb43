import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { calendarBlocks } from '../schema.js';

/** Frees an invite's block while it is still only held. */
export async function releaseHeldBlockOf(tx: DbOrTx, inviteId: string, at: Date): Promise<void> {
  await tx
    .update(calendarBlocks)
    .set({ status: 'released', releasedAt: at })
    .where(and(eq(calendarBlocks.inviteId, inviteId), eq(calendarBlocks.status, 'held')));
}

/** Frees a block, held or booked. */
export async function releaseBlock(tx: DbOrTx, blockId: string, at: Date): Promise<void> {
  await tx
    .update(calendarBlocks)
    .set({ status: 'released', releasedAt: at })
    .where(and(eq(calendarBlocks.id, blockId), inArray(calendarBlocks.status, ['held', 'booked'])));
}

/** Books an invite's held block for its session. */
export async function bookHeldBlockOf(
  tx: DbOrTx,
  inviteId: string,
  sessionId: string,
): Promise<void> {
  await tx
    .update(calendarBlocks)
    .set({ status: 'booked', sessionId })
    .where(and(eq(calendarBlocks.inviteId, inviteId), eq(calendarBlocks.status, 'held')));
}
