import { deletePendingInvite } from '../src/db/queries/invites.js';
import { forgetWebhookEvent } from '../src/db/queries/webhook-outbox.js';
import type { ActivityDeps } from './deps.js';

/**
 * Removes what a failed `holdSlot` may have committed before it failed (its last attempt can
 * commit and then time out), so no held slot or pending invite outlives a workflow that ends
 * `rejected` and a coach who was told "no".
 */
export function discardInvite({ db }: ActivityDeps) {
  return async (input: { inviteId: string }): Promise<{ discarded: boolean }> => ({
    discarded: await db.transaction(async (tx) => {
      const removed = await deletePendingInvite(tx, input.inviteId);
      // The invite never opened: its `invite.sent` goes with it.
      if (removed) await forgetWebhookEvent(tx, `invite.sent:${input.inviteId}`);
      return removed;
    }),
  });
}
