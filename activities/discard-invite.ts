import { and, eq } from 'drizzle-orm';
import { calendarBlocks, invites } from '../src/db/schema.js';
import type { ActivityDeps } from './deps.js';

/**
 * Removes what a failed `holdSlot` may have committed before it failed (its last attempt can
 * commit and then time out), so no held slot or pending invite outlives a workflow that ends
 * `rejected` and a coach who was told "no".
 */
export function discardInvite({ db }: ActivityDeps) {
  return async (input: { inviteId: string }): Promise<{ discarded: boolean }> =>
    db.transaction(async (tx) => {
      await tx
        .delete(calendarBlocks)
        .where(and(eq(calendarBlocks.inviteId, input.inviteId), eq(calendarBlocks.status, 'held')));
      const removed = await tx
        .delete(invites)
        .where(and(eq(invites.id, input.inviteId), eq(invites.status, 'pending')))
        .returning({ id: invites.id });
      return { discarded: removed.length > 0 };
    });
}
