import { log } from '@temporalio/workflow';
import type { SessionInput } from '../src/domain/inputs.js';
import type { Party } from '../src/domain/model.js';
import type { Recipient, SessionEvent } from '../src/domain/events.js';
import { notifySessionParties, notifySessionParty } from './activity-proxies.js';
import { leanFlow } from './patches.js';

/**
 * Whom a cancellation is told, the other party first: both, since each email carries the calendar
 * event's cancellation. Runs before the lean flow told a coach's own cancellation to the client
 * only, one activity per recipient, and replay as they ran.
 */
export function cancellationNotices(input: SessionInput, by: Party): Recipient[] {
  if (by === 'client') return ['coach', 'client'];
  return leanFlow(input) ? ['client', 'coach'] : ['client'];
}

/** Emails and notifies each recipient once; an email that cannot go out is logged, never thrown. */
export async function notifySession(
  input: SessionInput,
  event: SessionEvent,
  recipients: Recipient[],
  keySuffix: string,
): Promise<void> {
  const logFailure = (recipient: Recipient | Recipient[]) => (error: unknown) =>
    log.error('Could not notify', { event, recipient, error: String(error) });
  const { sessionId } = input;
  if (leanFlow(input)) {
    await notifySessionParties({ event, recipients, sessionId, keySuffix }).then(
      () => {},
      logFailure(recipients),
    );
    return;
  }
  await Promise.all(
    recipients.map((recipient) =>
      notifySessionParty({ event, recipient, sessionId, keySuffix }).then(
        () => {},
        logFailure(recipient),
      ),
    ),
  );
}
