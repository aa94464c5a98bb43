import { log } from '@temporalio/workflow';
import type { InviteEvent, Recipient } from '../src/domain/events.js';
import { notifyParties, notifyParty } from './activity-proxies.js';
import { leanFlow } from './patches.js';
import type { InviteLifecycle, Phase } from './invite-lifecycle.js';

/** Whom each ending is told, in this order. */
export const ENDING_NOTICES: Partial<
  Record<Phase, { event: InviteEvent; recipients: Recipient[] }>
> = {
  accepted: { event: 'invite_accepted', recipients: ['client', 'coach'] },
  declined: { event: 'invite_declined', recipients: ['coach', 'client'] },
  expired: { event: 'invite_expired', recipients: ['client', 'coach'] },
  cancelled: { event: 'invite_cancelled', recipients: ['client'] },
};

/** Emails and notifies each recipient once; an email that cannot go out is logged, never thrown. */
export async function notify(
  invite: InviteLifecycle,
  event: InviteEvent,
  recipients: Recipient[],
): Promise<void> {
  const notice = {
    event,
    inviteId: invite.input.inviteId,
    originalSlot: invite.input.originalSlot,
    rebook: invite.rebook,
  };
  const logFailure = (recipient: Recipient | Recipient[]) => (error: unknown) =>
    log.error('Could not notify', { event, recipient, error: String(error) });
  if (leanFlow(invite.input)) {
    await notifyParties({ ...notice, recipients }).then(() => {}, logFailure(recipients));
    return;
  }
  await Promise.all(
    recipients.map((recipient) =>
      notifyParty({ ...notice, recipient }).then(() => {}, logFailure(recipient)),
    ),
  );
}
