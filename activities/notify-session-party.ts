import { isSessionActive } from '../src/domain/cancellation.js';
import { findSessionNotice } from '../src/db/queries/notifications.js';
import type { Recipient, SessionEvent } from '../src/domain/events.js';
import { renderSessionMessage } from '../src/email/session-messages.js';
import { deliverToParties } from './deliver.js';
import type { ActivityDeps } from './deps.js';
import { cancelledSessionEvent } from './session-events.js';

interface SessionNotice {
  event: SessionEvent;
  sessionId: string;
  keySuffix: string;
}

/**
 * Emails and notifies each recipient of a session, in order. A questionnaire reminder is first
 * recorded only while the session is booked, ahead and its questionnaire unanswered, whatever
 * raced it.
 */
export function notifySessionParties(deps: ActivityDeps) {
  const { db, appUrl } = deps;
  return async (
    input: SessionNotice & { recipients: Recipient[] },
  ): Promise<('sent' | 'skipped')[]> => {
    const { session, questionnaireStatus, ...parties } = await findSessionNotice(
      db,
      input.sessionId,
      { type: input.event, keySuffix: input.keySuffix },
    );
    const cancelledEvent = cancelledSessionEvent(deps, session.id);
    return deliverToParties(deps, {
      parties,
      recipients: input.recipients,
      type: input.event,
      subject: `${session.id}:${input.keySuffix}`,
      overtaken: () =>
        input.event === 'questionnaire_reminder' &&
        (questionnaireStatus === 'submitted' || !isSessionActive(session, deps.clock())),
      attach: async (recipient) =>
        input.event === 'session_cancelled' ? cancelledEvent(recipient) : [],
      render: (recipient, { coach, client }) =>
        renderSessionMessage({ event: input.event, recipient, appUrl, coach, client, session }),
    });
  };
}

/** One recipient's notice: the activity of histories recorded before notices went as one. */
export function notifySessionParty(deps: ActivityDeps) {
  const notifyAll = notifySessionParties(deps);
  return async ({
    recipient,
    ...notice
  }: SessionNotice & { recipient: Recipient }): Promise<'sent' | 'skipped'> =>
    (await notifyAll({ ...notice, recipients: [recipient] }))[0]!;
}
