import {
  allHandlersFinished,
  condition,
  continueAsNew,
  log,
  setHandler,
} from '@temporalio/workflow';
import type { SessionInput } from '../src/domain/inputs.js';
import type { SessionStatus } from '../src/domain/model.js';
import {
  cancelSessionSignal,
  cancelSessionUpdate,
  questionnaireSubmittedSignal,
  sessionMovedSignal,
  sessionStateQuery,
} from './messages.js';
import { historyIsLong, SessionLifecycle } from './session-lifecycle.js';
import { EmailsBesideTimers } from './emails-beside-timers.js';
import { leanFlow, patchedBefore } from './patches.js';
import { cancellationNotices, notifySession } from './session-notices.js';

/**
 * A booked session from acceptance to its end, as domain.md tells it: questionnaire reminders at
 * the policy's offsets before the start until the client answers, cancellation under the policy,
 * timers that move with an accepted reschedule, and completion at the end. A long life continues
 * as new, carrying its state.
 */
export async function sessionWorkflow(input: SessionInput): Promise<SessionStatus> {
  const session = new SessionLifecycle(input);
  listenForMessages(session);
  // Every start sets the search attributes; older runs upserted them again first.
  session.publish({ searchAttributes: !leanFlow(input) });

  const reminders = new EmailsBesideTimers(
    (reminderAt: string) => notifySession(input, 'questionnaire_reminder', ['client'], reminderAt),
    patchedBefore(input, 'reminders-beside-timers'),
  );
  while (session.booked) {
    if (historyIsLong()) {
      await reminders.settled();
      await session.idle();
      if (!session.booked) break;
      await continueAsNew<typeof sessionWorkflow>(session.carryOver());
    }
    const reminder = session.nextReminder();
    const wakeAt = reminder ? Date.parse(reminder) : session.endsAt;
    if ((await session.interruptedBefore(wakeAt, reminder)) || !session.booked) continue;
    await session.cancellationsSettled();
    if (!session.booked) break;
    if (reminder) {
      session.remindersSent.push(reminder);
      await reminders.send(reminder);
      session.publish();
    } else if (Date.now() >= session.endsAt) {
      await session.complete();
    }
  }

  await reminders.settled();
  const cancelledBy = session.cancellation?.session.cancellation?.by;
  if (session.status === 'cancelled' && cancelledBy)
    await notifySession(
      input,
      'session_cancelled',
      cancellationNotices(input, cancelledBy),
      'cancelled',
    );
  await condition(allHandlersFinished);
  return session.status;
}

/** The API's update and the operators' signal of the same name share one handler. */
function listenForMessages(session: SessionLifecycle): void {
  setHandler(cancelSessionUpdate, session.cancel, { validator: session.refuseIfNotAllowed });
  setHandler(cancelSessionSignal, (command) => {
    void session
      .cancel(command)
      .catch((error: unknown) => log.warn('Signal cancel had no effect', { error: String(error) }));
  });
  setHandler(questionnaireSubmittedSignal, session.questionnaireSubmitted);
  setHandler(sessionMovedSignal, session.move);
  setHandler(sessionStateQuery, () => session.state());
}
