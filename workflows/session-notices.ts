import { log } from '@temporalio/workflow';
import type { Party } from '../src/domain/model.js';
import type { Recipient, SessionEvent } from '../src/domain/events.js';
import { notifySessionParties, notifySessionParty } from './activity-proxies.js';
import { leanFlow } from './patches.js';

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
  const logFailure = (recipient: Recipient | Recipient[]) => (error: unknown) =>
    log.error('Could not notify', { event, recipient, error: String(error) });
  if (leanFlow()) {
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
