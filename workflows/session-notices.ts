import { log } from '@temporalio/workflow';
import type { Party } from '../src/domain/model.js';
import type { Recipient, SessionEvent } from '../src/domain/events.js';
import { notifySessionParty } from './activity-proxies.js';

/** Whom a cancellation is told, by who cancelled: the other party, and a client always. */
export const CANCELLATION_NOTICES: Record<Party, Recipient[]> = {
  client: ['coach', 'client'],
  coach: ['client'],
};

/** Emails and notifies each recipient once; an email that cannot go out is logged, never thrown. */
export async function notifySession(
  sessionId: string,
  event: SessionEvent,
  recipients: Recipient[],
  keySuffix: string,
): Promise<void> {
  await Promise.all(
    recipients.map((recipient) =>
      notifySessionParty({ event, recipient, sessionId, keySuffix }).catch((error: unknown) =>
        log.error('Could not notify', { event, recipient, error: String(error) }),
      ),
    ),
  );
}

/**
 * Questionnaire reminders go out beside the session's timers, so the next reminder and the end
 * keep their time whatever the email service does; histories recorded before that waited for each.
 */
export class ReminderEmails {
  private readonly inFlight: Promise<void>[] = [];

  constructor(
    private readonly sessionId: string,
    private readonly besideTimers: boolean,
  ) {}

  async send(reminderAt: string): Promise<void> {
    const told = notifySession(this.sessionId, 'questionnaire_reminder', ['client'], reminderAt);
    this.inFlight.push(told);
    if (!this.besideTimers) await told;
  }

  async settled(): Promise<void> {
    await Promise.all(this.inFlight);
  }
}
