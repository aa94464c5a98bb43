import { closePendingInvite, lockInvite } from '../src/db/queries/invites.js';
import { toInviteView } from '../src/db/queries/views.js';
import { recordInviteEvent } from '../src/db/queries/webhook-outbox.js';
import type { InviteView } from '../src/domain/views.js';
import type { ActivityDeps } from './deps.js';

export interface CloseInviteInput {
  inviteId: string;
  status: 'declined' | 'expired' | 'cancelled';
  declineReason?: string | null;
}

export type CloseOutcome =
  | { ok: true; invite: InviteView }
  | { ok: false; reason: 'invite_not_pending'; invite: InviteView };

/** Ends a pending invite without a booking and releases its held block, in one transaction. */
export function closeInvite({ db, clock }: ActivityDeps) {
  return async (input: CloseInviteInput): Promise<CloseOutcome> =>
    db.transaction(async (tx) => {
      const invite = await lockInvite(tx, input.inviteId);
      if (invite.status === input.status) return { ok: true, invite: toInviteView(invite) };
      if (invite.status !== 'pending')
        return { ok: false, reason: 'invite_not_pending', invite: toInviteView(invite) };
      const at = clock();
      const closed = await closePendingInvite(
        tx,
        { id: invite.id, status: input.status, declineReason: input.declineReason ?? null },
        at,
      );
      await recordInviteEvent(tx, `invite.${input.status}`, closed, at);
      return { ok: true, invite: closed };
    });
}
