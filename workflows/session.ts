import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  continueAsNew,
  getExternalWorkflowHandle,
  log,
  patched,
  proxyActivities,
  setCurrentDetails,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import { checkSessionActive, questionnaireReminderTimes } from '../src/domain/cancellation.js';
import { SessionStatusKey, SlotStartKey } from '../src/temporal/search-attributes.js';
import {
  cancelSessionSignal,
  cancelSessionUpdate,
  cancelSignal,
  questionnaireSubmittedSignal,
  sessionMovedSignal,
  sessionStateQuery,
  type Actor,
  type CancelSessionCommand,
  type CancelSessionResult,
  type SessionInput,
  type SessionState,
} from './messages.js';
import { createMutex } from './mutex.js';

const { cancelSession, completeSession } = proxyActivities<Activities>({
  startToCloseTimeout: '15s',
  retry: {
    initialInterval: '500ms',
    maximumInterval: '30s',
    nonRetryableErrorTypes: ['session_missing'],
  },
});
const { notifySessionParty } = proxyActivities<Activities>({
  startToCloseTimeout: '1m',
  retry: {
    initialInterval: '2s',
    maximumInterval: '5m',
    maximumAttempts: 12,
    nonRetryableErrorTypes: ['session_missing'],
  },
});

/** A session lives for months: past this many events a run hands its state to a fresh one. */
const HISTORY_EVENTS_BEFORE_CONTINUING = 2_000;
const historyIsLong = () =>
  workflowInfo().continueAsNewSuggested ||
  workflowInfo().historyLength >= HISTORY_EVENTS_BEFORE_CONTINUING;

const failure = (type: string, message: string) =>
  ApplicationFailure.create({ type, message, nonRetryable: true });

/**
 * A booked session from acceptance to its end: questionnaire reminders at the policy's offsets
 * before the start (none once submitted or cancelled), cancellation under the policy, timers that
 * move with an accepted reschedule, and completion at the end.
 */
export async function sessionWorkflow(input: SessionInput): Promise<SessionState['status']> {
  let status: SessionState['status'] = 'booked';
  let startsAt = Date.parse(input.startsAt);
  let endsAt = Date.parse(input.endsAt);
  let submitted = input.carried?.questionnaireSubmitted ?? false;
  let moved = false;
  const mutex = createMutex();
  const remindersSent: string[] = [...(input.carried?.remindersSent ?? [])];

  const dueReminders = () =>
    submitted
      ? []
      : questionnaireReminderTimes({
          startsAt: new Date(startsAt),
          offsetsMs: input.policy.questionnaireRemindersMs,
          now: new Date(Date.now()),
        })
          .map((at) => at.toISOString())
          .filter((at) => !remindersSent.includes(at));
  const waitingFor = () => {
    if (status !== 'booked') return `nothing: ${status}`;
    const next = dueReminders()[0];
    return next
      ? `the questionnaire reminder at ${next}`
      : `the session's end at ${new Date(endsAt).toISOString()}`;
  };
  const publish = () => {
    upsertSearchAttributes([
      { key: SessionStatusKey, value: status },
      { key: SlotStartKey, value: new Date(startsAt) },
    ]);
    setCurrentDetails(
      `Status: ${status}. Starts ${new Date(startsAt).toISOString()}. Waiting for ${waitingFor()}.`,
    );
  };

  const party = (command: CancelSessionCommand): 'coach' | 'client' => {
    const by: Actor | undefined = command.by;
    if (by?.role === 'coach' || by?.role === 'client') return by.role;
    return command.onBehalfOf ?? 'coach';
  };
  const check = (command: CancelSessionCommand) => {
    const by = command.by;
    if (
      by &&
      by.role !== 'operator' &&
      by.id !== (by.role === 'coach' ? input.coachId : input.clientId)
    ) {
      throw failure('forbidden', 'Only the session’s own coach or client may cancel it.');
    }
    if (!checkSessionActive({ status, startsAt: new Date(startsAt) }, new Date(Date.now())).ok) {
      throw failure(
        'session_not_active',
        `The session is ${status === 'booked' ? 'under way' : status}.`,
      );
    }
  };

  let cancellation: CancelSessionResult | undefined;
  const cancel = (command: CancelSessionCommand = {}): Promise<CancelSessionResult> =>
    mutex.run(async () => {
      check(command);
      const by = party(command);
      const now = new Date(Date.now());
      const outcome = await cancelSession({
        sessionId: input.sessionId,
        by,
        windowMs: input.policy.cancellationWindowMs,
        reason: command.reason ?? null,
        at: now.toISOString(),
      });
      if (!outcome.ok) throw failure('session_not_active', 'The session is no longer booked.');
      if (outcome.pendingRescheduleInviteId) {
        await getExternalWorkflowHandle(`invite-${outcome.pendingRescheduleInviteId}`)
          .signal(cancelSignal, { by: { role: 'operator' }, withSession: true })
          .catch((error: unknown) =>
            log.warn('Could not cancel the pending reschedule', { error: String(error) }),
          );
      }
      cancellation = { session: outcome.session, refundedCredits: outcome.refundedCredits };
      status = 'cancelled';
      publish();
      return cancellation;
    });

  setHandler(cancelSessionUpdate, cancel, { validator: check });
  setHandler(cancelSessionSignal, (command) => {
    void cancel(command).catch((error: unknown) =>
      log.warn('Signal cancel had no effect', { error: String(error) }),
    );
  });
  setHandler(questionnaireSubmittedSignal, () => {
    submitted = true;
    publish();
  });
  setHandler(sessionMovedSignal, (slot) => {
    startsAt = Date.parse(slot.startsAt);
    endsAt = Date.parse(slot.endsAt);
    moved = true;
    publish();
  });
  setHandler(sessionStateQuery, () => ({
    sessionId: input.sessionId,
    status,
    coachId: input.coachId,
    clientId: input.clientId,
    startsAt: new Date(startsAt).toISOString(),
    endsAt: new Date(endsAt).toISOString(),
    questionnaireSubmitted: submitted,
    remindersSent: [...remindersSent],
    nextReminderAt: dueReminders()[0] ?? null,
    waitingFor: waitingFor(),
  }));

  publish();
  // The next reminder and the end keep their time whatever the email service does. Histories
  // recorded before this waited for each reminder email, and replay as they ran.
  const remindersBesideTimers = patched('reminders-beside-timers');
  const remindersInFlight: Promise<unknown>[] = [];
  while (status === 'booked') {
    if (historyIsLong()) {
      await Promise.all(remindersInFlight);
      await condition(() => !mutex.held && allHandlersFinished());
      if (status !== 'booked') break;
      await continueAsNew<typeof sessionWorkflow>({
        ...input,
        startsAt: new Date(startsAt).toISOString(),
        endsAt: new Date(endsAt).toISOString(),
        carried: { questionnaireSubmitted: submitted, remindersSent },
      });
    }
    const next = dueReminders()[0];
    const wakeAt = next ? Date.parse(next) : endsAt;
    moved = false;
    const woken = await condition(
      () => status !== 'booked' || moved || (submitted && next !== undefined) || historyIsLong(),
      Math.max(wakeAt - Date.now(), 1),
    );
    if (woken || status !== 'booked') continue;
    await condition(() => !mutex.held);
    if (status !== 'booked') break;
    if (next) {
      remindersSent.push(next);
      const reminded = notifySessionParty({
        event: 'questionnaire_reminder',
        recipient: 'client',
        sessionId: input.sessionId,
        keySuffix: next,
      }).catch((error: unknown) =>
        log.error('Could not send the questionnaire reminder', { error: String(error) }),
      );
      if (remindersBesideTimers) remindersInFlight.push(reminded);
      else await reminded;
      publish();
    } else if (Date.now() >= endsAt) {
      await completeSession({ sessionId: input.sessionId });
      status = 'completed';
      publish();
    }
  }

  await Promise.all(remindersInFlight);
  const ending = status as SessionState['status'];
  if (ending === 'cancelled' && cancellation) {
    const other = cancellation.session.cancellation?.by === 'client' ? 'coach' : 'client';
    const recipients = other === 'client' ? (['client'] as const) : (['coach', 'client'] as const);
    await Promise.all(
      recipients.map((recipient) =>
        notifySessionParty({
          event: 'session_cancelled',
          recipient,
          sessionId: input.sessionId,
          keySuffix: 'cancelled',
        }).catch((error: unknown) =>
          log.error('Could not tell of the cancellation', { error: String(error) }),
        ),
      ),
    );
  }
  await condition(allHandlersFinished);
  return ending;
}
