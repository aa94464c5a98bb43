import { findInviteNotice, notificationExists } from '../src/db/queries/notifications.js';
import type { InviteEvent, Recipient } from '../src/domain/events.js';
import { renderInviteMessage } from '../src/email/invite-messages.js';
import type { ActivityDeps } from './deps.js';
import { deliverToParties } from './deliver.js';
import { acceptedSessionEvent } from './session-events.js';

export interface NotifyPartyInput {
  event: InviteEvent;
  recipient: Recipient;
  inviteId: string;
  originalSlot: { startsAt: string; endsAt: string } | null;
  rebook?: boolean;
}

/**
 * Whether events overtook a message before it was first recorded: a reminder once the invite is
 * answered or expired, the invite itself once it is no longer pending (withdrawn as its opening
 * failed, or answered in the app first), and a withdrawal of an invite the client never heard of.
 */
async function overtaken(
  { db, clock }: ActivityDeps,
  event: InviteEvent,
  invite: { id: string; clientId: string; status: string; expiresAt: Date },
): Promise<boolean> {
  if (event === 'invite_reminder')
    return invite.status !== 'pending' || invite.expiresAt <= clock();
  if (event === 'invite_sent') return invite.status !== 'pending';
  if (event === 'invite_cancelled')
    return !(await notificationExists(db, `invite_sent:${invite.id}:${invite.clientId}`));
  return false;
}

/**
 * Tells each recipient, in order, about one step of an invite: an in-app notification and an
 * email, each keyed by (event, invite, recipient) so a retried activity records and sends each
 * exactly once.
 */
export function notifyParties(deps: ActivityDeps) {
  const { db, appUrl } = deps;
  return async (
    input: Omit<NotifyPartyInput, 'recipient'> & { recipients: Recipient[] },
  ): Promise<('sent' | 'skipped')[]> => {
    const { invite, ...parties } = await findInviteNotice(db, input.inviteId, input.event);
    const originalSlot = input.originalSlot && {
      startsAt: new Date(input.originalSlot.startsAt),
      endsAt: new Date(input.originalSlot.endsAt),
    };
    const acceptedEvent = acceptedSessionEvent(deps, invite);
    return deliverToParties(deps, {
      parties,
      recipients: input.recipients,
      type: input.event,
      subject: invite.id,
      overtaken: () => overtaken(deps, input.event, invite),
      attach: async (recipient) =>
        input.event === 'invite_accepted' ? acceptedEvent(recipient) : [],
      render: (recipient, { coach, client }) =>
        renderInviteMessage({
          event: input.event,
          recipient,
          appUrl,
          coach,
          client,
          invite,
          originalSlot,
          rebook: input.rebook ?? false,
        }),
    });
  };
}

/** One recipient's notice: the activity of histories recorded before notices went as one. */
export function notifyParty(deps: ActivityDeps) {
  const notifyAll = notifyParties(deps);
  return async ({ recipient, ...notice }: NotifyPartyInput): Promise<'sent' | 'skipped'> =>
    (await notifyAll({ ...notice, recipients: [recipient] }))[0]!;
}
