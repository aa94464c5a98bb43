import { deletePendingInvite } from '../src/db/queries/invites.js';
import type { ActivityDeps } from './deps.js';

/**
 * Removes what a failed `holdSlot` may have committed before it failed (its last attempt can
 * commit and then time out), so no held slot or pending invite outlives a workflow that ends
 * `rejected` and a coach who was told "no".
 */
export function discardInvite({ db }: ActivityDeps) {
  return async (input: { inviteId: string }): Promise<{ discarded: boolean }> => ({
    discarded: await db.transaction((tx) => deletePendingInvite(tx, input.inviteId)),
  });
}
