import { isSessionActive } from '../src/domain/cancellation.js';
import { getSessionWithQuestionnaire } from '../src/db/queries/sessions.js';
import type { Recipient, SessionEvent } from '../src/domain/events.js';
import { renderSessionMessage } from '../src/email/session-messages.js';
import { deliverToParty } from './deliver.js';
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
    const { session, questionnaireStatus } = await getSessionWithQuestionnaire(db, input.sessionId);
    const outcomes: ('sent' | 'skipped')[] = [];
    for (const recipient of input.recipients)
      outcomes.push(
        await deliverToParty(deps, {
          parties: session,
          recipient,
          type: input.event,
          subject: `${session.id}:${input.keySuffix}`,
          overtaken: () =>
            input.event === 'questionnaire_reminder' &&
            (questionnaireStatus === 'submitted' || !isSessionActive(session, deps.clock())),
          attach: async () =>
            input.event === 'session_cancelled'
              ? cancelledSessionEvent(deps, session.id, recipient)
              : [],
          render: ({ coach, client }) =>
            renderSessionMessage({
              event: input.event,
              recipient,
              appUrl,
              coach,
              client,
              session,
            }),
        }),
      );
    return outcomes;
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
