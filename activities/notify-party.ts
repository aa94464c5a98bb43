import { RecordMissingError } from '../src/db/errors.js';
import { findInvite } from '../src/db/queries/invites.js';
import type { InviteEvent, Recipient } from '../src/domain/events.js';
import { renderInviteMessage } from '../src/email/invite-messages.js';
import type { ActivityDeps } from './deps.js';
import { deliverToParty } from './deliver.js';

export interface NotifyPartyInput {
  event: InviteEvent;
  recipient: Recipient;
  inviteId: string;
  originalSlot: { startsAt: string; endsAt: string } | null;
  rebook?: boolean;
}

/**
 * Tells one person about one step of an invite: an in-app notification and an email, each keyed by
 * (event, invite, recipient) so a retried activity records and sends each exactly once. A reminder
 * goes out only while the invite is pending and unexpired, whatever answered it meanwhile.
 */
export function notifyParty(deps: ActivityDeps) {
  const { db, appUrl } = deps;
  return async (input: NotifyPartyInput): Promise<'sent' | 'skipped'> => {
    const invite = await findInvite(db, input.inviteId);
    if (!invite) throw new RecordMissingError(`Invite ${input.inviteId} does not exist`);
    if (
      input.event === 'invite_reminder' &&
      (invite.status !== 'pending' || invite.expiresAt <= deps.clock())
    )
      return 'skipped';
    const originalSlot = input.originalSlot && {
      startsAt: new Date(input.originalSlot.startsAt),
      endsAt: new Date(input.originalSlot.endsAt),
    };
    await deliverToParty(deps, {
      parties: invite,
      recipient: input.recipient,
      type: input.event,
      key: (person) => `${input.event}:${invite.id}:${person.id}`,
      render: ({ coach, client }) =>
        renderInviteMessage({
          event: input.event,
          recipient: input.recipient,
          appUrl,
          coach,
          client,
          invite,
          originalSlot,
          rebook: input.rebook ?? false,
        }),
    });
    return 'sent';
  };
}
