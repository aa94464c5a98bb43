import {
  allHandlersFinished,
  condition,
  getExternalWorkflowHandle,
  log,
  setCurrentDetails,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import { isSessionActive, questionnaireReminderTimes } from '../src/domain/cancellation.js';
import type { SessionInput } from '../src/domain/inputs.js';
import type { Party, SessionStatus } from '../src/domain/model.js';
import { inviteWorkflowId } from '../src/domain/workflow-ids.js';
import { SessionStatusKey, SlotStartKey } from '../src/temporal/search-attributes.js';
import { databaseSteps } from './activity-proxies.js';
import {
  cancelSignal,
  type CancelSessionCommand,
  type CancelSessionResult,
  type SessionState,
} from './messages.js';
import { failure } from './failure.js';
import { createMutex } from './mutex.js';

/** A session lives for months: past this many events a run hands its state to a fresh one. */
const HISTORY_EVENTS_BEFORE_CONTINUING = 2_000;

export const historyIsLong = () =>
  workflowInfo().continueAsNewSuggested ||
  workflowInfo().historyLength >= HISTORY_EVENTS_BEFORE_CONTINUING;

/**
 * A booked session's state and the messages that change it: a cancellation (one at a time, under
 * the policy), a submitted questionnaire, a move to a new time.
 */
export class SessionLifecycle {
  status: SessionStatus = 'booked';
  startsAt: number;
  endsAt: number;
  submitted: boolean;
  /** Set by a move; the main loop then plans its timers again. */
  moved = false;
  readonly remindersSent: string[];
  cancellation: CancelSessionResult | undefined;
  private readonly cancels = createMutex();

  constructor(readonly input: SessionInput) {
    this.startsAt = Date.parse(input.startsAt);
    this.endsAt = Date.parse(input.endsAt);
    this.submitted = input.carried?.questionnaireSubmitted ?? false;
    this.remindersSent = [...(input.carried?.remindersSent ?? [])];
  }

  get booked(): boolean {
    return this.status === 'booked';
  }

  /** The next questionnaire reminder still ahead and not sent, if the client has not answered. */
  nextReminder(): string | undefined {
    if (this.submitted) return undefined;
    return questionnaireReminderTimes({
      startsAt: new Date(this.startsAt),
      offsetsMs: this.input.policy.questionnaireRemindersMs,
      now: new Date(Date.now()),
    })
      .map((at) => at.toISOString())
      .find((at) => !this.remindersSent.includes(at));
  }

  /** Waits until `at`; true when something changed first: a cancel, a move, a submission. */
  async interruptedBefore(at: number, reminder: string | undefined): Promise<boolean> {
    this.moved = false;
    return condition(
      () =>
        !this.booked || this.moved || (this.submitted && reminder !== undefined) || historyIsLong(),
      Math.max(at - Date.now(), 1),
    );
  }

  /** Resolves once no cancellation is under way. */
  async cancellationsSettled(): Promise<void> {
    await condition(() => !this.cancels.held);
  }

  /** Resolves once no message is being handled, so the run may hand over to a new one. */
  async idle(): Promise<void> {
    await condition(() => !this.cancels.held && allHandlersFinished());
  }

  /** The failure a cancellation meets now, thrown; also the update's validator. */
  refuseIfNotAllowed = (command: CancelSessionCommand): void => {
    const { by } = command;
    const owner = by?.role === 'coach' ? this.input.coachId : this.input.clientId;
    if (by && by.role !== 'operator' && by.id !== owner)
      throw failure('forbidden', 'Only the session’s own coach or client may cancel it.');
    const now = new Date(Date.now());
    if (!isSessionActive({ status: this.status, startsAt: new Date(this.startsAt) }, now))
      throw failure(
        'session_not_active',
        `The session is ${this.booked ? 'under way' : this.status}.`,
      );
  };

  cancel = (command: CancelSessionCommand = {}): Promise<CancelSessionResult> =>
    this.cancels.run(async () => {
      this.refuseIfNotAllowed(command);
      const outcome = await databaseSteps(this.input).cancelSession({
        sessionId: this.input.sessionId,
        by: cancelledBy(command),
        windowMs: this.input.policy.cancellationWindowMs,
        reason: command.reason ?? null,
        at: new Date(Date.now()).toISOString(),
      });
      if (!outcome.ok) throw failure('session_not_active', 'The session is no longer booked.');
      if (outcome.pendingRescheduleInviteId)
        await withdrawReschedule(outcome.pendingRescheduleInviteId);
      this.cancellation = { session: outcome.session, refundedCredits: outcome.refundedCredits };
      this.status = 'cancelled';
      this.publish();
      return this.cancellation;
    });

  questionnaireSubmitted = (): void => {
    this.submitted = true;
    this.publish();
  };

  move = (slot: { startsAt: string; endsAt: string }): void => {
    this.startsAt = Date.parse(slot.startsAt);
    this.endsAt = Date.parse(slot.endsAt);
    this.moved = true;
    this.publish();
  };

  async complete(): Promise<void> {
    await databaseSteps(this.input).completeSession({ sessionId: this.input.sessionId });
    this.status = 'completed';
    this.publish();
  }

  /** This run's state as the next run's input, when it continues as new. */
  carryOver(): SessionInput {
    return {
      ...this.input,
      startsAt: new Date(this.startsAt).toISOString(),
      endsAt: new Date(this.endsAt).toISOString(),
      carried: { questionnaireSubmitted: this.submitted, remindersSent: this.remindersSent },
      leanFlow: true,
    };
  }

  publish({ searchAttributes = true } = {}): void {
    if (searchAttributes)
      upsertSearchAttributes([
        { key: SessionStatusKey, value: this.status },
        { key: SlotStartKey, value: new Date(this.startsAt) },
      ]);
    setCurrentDetails(
      `Status: ${this.status}. Starts ${new Date(this.startsAt).toISOString()}. Waiting for ${this.waitingFor()}.`,
    );
  }

  state(): SessionState {
    return {
      sessionId: this.input.sessionId,
      status: this.status,
      coachId: this.input.coachId,
      clientId: this.input.clientId,
      startsAt: new Date(this.startsAt).toISOString(),
      endsAt: new Date(this.endsAt).toISOString(),
      questionnaireSubmitted: this.submitted,
      remindersSent: [...this.remindersSent],
      nextReminderAt: this.nextReminder() ?? null,
      waitingFor: this.waitingFor(),
    };
  }

  private waitingFor(): string {
    if (!this.booked) return `nothing: ${this.status}`;
    const next = this.nextReminder();
    return next
      ? `the questionnaire reminder at ${next}`
      : `the session's end at ${new Date(this.endsAt).toISOString()}`;
  }
}

/** Whose cancellation it is: the caller's own party, or whom an operator acts for (the coach by default). */
function cancelledBy(command: CancelSessionCommand): Party {
  const role = command.by?.role;
  if (role === 'coach' || role === 'client') return role;
  return command.onBehalfOf ?? 'coach';
}

/** A pending reschedule ends with its session, silently: the session's own email tells the client. */
async function withdrawReschedule(inviteId: string): Promise<void> {
  await getExternalWorkflowHandle(inviteWorkflowId(inviteId))
    .signal(cancelSignal, { by: { role: 'operator' }, withSession: true })
    .catch((error: unknown) =>
      log.warn('Could not cancel the pending reschedule', { error: String(error) }),
    );
}
