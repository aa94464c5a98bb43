import { log } from '@temporalio/workflow';
import type { InviteEvent, Recipient } from '../src/domain/events.js';
import { notifyParty } from './activity-proxies.js';
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
  await Promise.all(
    recipients.map((recipient) =>
      notifyParty({
        event,
        recipient,
        inviteId: invite.input.inviteId,
        originalSlot: invite.input.originalSlot,
        rebook: invite.rebook,
      }).catch((error: unknown) =>
        log.error('Could not notify', { event, recipient, error: String(error) }),
      ),
    ),
  );
}

/**
 * The client's emails while the invite waits. They go out beside the reminder and expiry timers,
 * so no timer waits on the email service; histories recorded before that waited for each email.
 */
export class WaitingEmails {
  private readonly inFlight: Promise<void>[] = [];

  constructor(
    private readonly invite: InviteLifecycle,
    readonly besideTimers: boolean,
  ) {}

  async send(event: InviteEvent): Promise<void> {
    const told = notify(this.invite, event, ['client']);
    this.inFlight.push(told);
    if (!this.besideTimers) await told;
  }

  /** The ending's emails follow these, so nobody reads them out of order. */
  async settled(): Promise<void> {
    await Promise.all(this.inFlight);
  }
}
