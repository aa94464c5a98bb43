import { isSessionActive } from '../src/domain/cancellation.js';
import { getSessionWithQuestionnaire } from '../src/db/queries/sessions.js';
import type { Recipient, SessionEvent } from '../src/domain/events.js';
import { renderSessionMessage } from '../src/email/session-messages.js';
import { deliverToParty } from './deliver.js';
import type { ActivityDeps } from './deps.js';

/**
 * Emails and notifies one party of a session. A questionnaire reminder is first recorded only
 * while the session is booked, ahead and its questionnaire unanswered, whatever raced it.
 */
export function notifySessionParty(deps: ActivityDeps) {
  const { db, appUrl } = deps;
  return async (input: {
    event: SessionEvent;
    recipient: Recipient;
    sessionId: string;
    keySuffix: string;
  }): Promise<'sent' | 'skipped'> => {
    const { session, questionnaireStatus } = await getSessionWithQuestionnaire(db, input.sessionId);
    return deliverToParty(deps, {
      parties: session,
      recipient: input.recipient,
      type: input.event,
      subject: `${session.id}:${input.keySuffix}`,
      overtaken: () =>
        input.event === 'questionnaire_reminder' &&
        (questionnaireStatus === 'submitted' || !isSessionActive(session, deps.clock())),
      render: ({ coach, client }) =>
        renderSessionMessage({
          event: input.event,
          recipient: input.recipient,
          appUrl,
          coach,
          client,
          session,
        }),
    });
  };
}
