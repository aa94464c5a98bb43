import {
  ApplicationFailure,
  condition,
  setCurrentDetails,
  upsertSearchAttributes,
  uuid4,
} from '@temporalio/workflow';
import { InviteStatusKey } from '../src/temporal/search-attributes.js';
import { databaseSteps } from './activity-proxies.js';
import { acceptanceStartsSession, leanFlow, patchedBefore } from './patches.js';
import type { AcceptCommand, CancelCommand, DeclineCommand, InviteState } from './messages.js';
import { SLOT_REFUSALS, type FailureType, type SlotRefusal } from '../src/domain/failures.js';
import type { InviteInput } from '../src/domain/inputs.js';
import type { Actor } from '../src/domain/model.js';
import type { AcceptResult, InviteView } from '../src/domain/views.js';
import { failure } from './failure.js';
import { createMutex } from './mutex.js';
import { moveSession, sessionPolicyOf, startSession } from './session-children.js';
import type { HoldOutcome } from '../activities/hold-slot.js';

export type Phase = InviteState['status'];
type Answer = 'accept' | 'decline' | 'cancel';

export interface InviteOutcome {
  status: Phase;
  sessionId: string | null;
}

/**
 * An invite's state and the answers that change it. Answers and the expiry run one at a time, so
 * exactly one ending wins whatever arrives at the same moment.
 */
export class InviteLifecycle {
  phase: Phase = 'opening';
  invite: InviteView | undefined;
  openFailure: unknown;
  acceptance: AcceptResult | undefined;
  /** The client asked for the booking page with their decline. */
  rebook = false;
  /** Withdrawn because its session was cancelled: the session's own email tells the client. */
  withdrawnWithSession = false;
  reminderSent = false;
  readonly expiresAt: number;
  readonly reminderAt: number | null;
  private readonly answers = createMutex();
  private answersWaiting = 0;

  constructor(readonly input: InviteInput) {
    this.expiresAt = Date.parse(input.expiresAt);
    this.reminderAt = input.reminderAt ? Date.parse(input.reminderAt) : null;
  }

  get pending(): boolean {
    return this.phase === 'pending';
  }

  /** Holds the slot; when that fails, nothing it may have written is left behind. */
  async open(): Promise<boolean> {
    try {
      const held = heldOutcome(await databaseSteps(this.input).holdSlot(this.input));
      if (held.ok) {
        this.invite = held.invite;
        this.moveTo('pending');
        return true;
      }
      this.openFailure = failure(held.reason, SLOT_REFUSED[held.reason]);
    } catch (error) {
      const failed =
        error instanceof Error && error.cause instanceof ApplicationFailure ? error.cause : error;
      this.openFailure = failed;
      // Histories recorded before refusals were returned as data have them thrown.
      const refused =
        failed instanceof ApplicationFailure &&
        (SLOT_REFUSALS as readonly string[]).includes(failed.type ?? '');
      // The last attempt may have committed before it failed: the coach hears "no" only once
      // nothing is held.
      if (!refused && patchedBefore(this.input, 'discard-unopened-invite'))
        await databaseSteps(this.input).discardInvite({ inviteId: this.input.inviteId });
    }
    this.moveTo('rejected');
    return false;
  }

  /** The failure an answer meets now, thrown; also the updates' validator. */
  refuseIfNotAllowed(answer: Answer, by: Actor | undefined, withdrawPastExpiry = false): void {
    const owner = answer === 'cancel' ? this.input.coachId : this.input.clientId;
    if (by && by.role !== 'operator' && by.id !== owner)
      throw failure('forbidden', 'Only the invite’s own party may do this.');
    if (answer === 'accept' && this.phase === 'accepted') return;
    if (this.phase === 'opening' || this.phase === 'rejected')
      throw failure('invite_cancelled', 'The invite was never opened.');
    if (this.phase === 'expired') throw failure('invite_expired', 'The invite has expired.');
    if (this.phase === 'cancelled')
      throw failure('invite_cancelled', 'The coach withdrew the invite.');
    if (this.phase !== 'pending')
      throw failure('invite_already_responded', `The invite was already ${this.phase}.`);
    if (Date.now() >= this.expiresAt && !withdrawPastExpiry)
      throw failure('invite_expired', 'The invite has expired.');
  }

  accept = (command: AcceptCommand = {}): Promise<AcceptResult> =>
    this.oneAtATime(async () => {
      this.refuseIfNotAllowed('accept', command.by);
      if (this.acceptance) return this.acceptance;
      const startsSession = this.input.kind === 'new' && acceptanceStartsSession(this.input);
      const outcome = await databaseSteps(this.input).acceptInvite({
        inviteId: this.input.inviteId,
        sessionId: uuid4(),
        ...(startsSession ? { sessionPolicy: sessionPolicyOf(this.input) } : {}),
      });
      if (!outcome.ok) {
        const [type, message] = ACCEPT_REFUSED[outcome.reason];
        throw failure(type, message);
      }
      const acceptance = { invite: outcome.invite, session: outcome.session };
      this.acceptance = acceptance;
      this.invite = outcome.invite;
      this.moveTo('accepted');
      // Before the client hears back, so the session can be cancelled or answered at once; the
      // acceptance step started a new session's workflow already.
      if (this.input.kind === 'reschedule') await moveSession(acceptance.session, this.input);
      else if (!startsSession && patchedBefore(this.input, 'session-workflow'))
        await startSession(acceptance.session, this.input);
      return acceptance;
    });

  decline = (command: DeclineCommand = {}): Promise<InviteView> =>
    this.endWithoutBooking('declined', command.by, {
      declineReason: command.reason ?? null,
      rebook: command.rebook ?? false,
    });

  withdraw = (command: CancelCommand = {}): Promise<InviteView> =>
    this.endWithoutBooking('cancelled', command.by, { withSession: command.withSession ?? false });

  /**
   * Waits for the reminder's moment and says whether to remind now: the invite is still pending
   * and unexpired. Histories recorded before emails went beside the timers skipped a moment that
   * had passed before the wait began.
   */
  async reminderIsDue(emailsBesideTimers: boolean): Promise<boolean> {
    const { reminderAt } = this;
    if (reminderAt === null || (!emailsBesideTimers && reminderAt <= Date.now())) return false;
    if (reminderAt > Date.now()) await condition(() => !this.pending, reminderAt - Date.now());
    if (!this.pending) return false;
    await condition(() => !this.answers.held);
    this.reminderSent = this.pending && Date.now() < this.expiresAt;
    return this.reminderSent;
  }

  /** Waits for an answer until the expiry; unanswered by then, the invite expires. */
  async expireUnlessAnswered(): Promise<void> {
    if (this.pending && this.expiresAt > Date.now())
      await condition(() => !this.pending, this.expiresAt - Date.now());
    if (!this.pending) return;
    // Answers that arrived before this step, even while the slot was being held, go first.
    await condition(() => this.answersWaiting === 0);
    await this.oneAtATime(async () => {
      if (!this.pending) return;
      const outcome = await databaseSteps(this.input).closeInvite({
        inviteId: this.input.inviteId,
        status: 'expired',
      });
      this.invite = outcome.invite;
      this.moveTo(outcome.invite.status);
    });
  }

  state(): InviteState {
    const { input } = this;
    return {
      inviteId: input.inviteId,
      kind: input.kind,
      status: this.phase,
      coachId: input.coachId,
      clientId: input.clientId,
      sessionId: this.acceptance?.session.id ?? input.sessionId,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      expiresAt: input.expiresAt,
      reminderAt: input.reminderAt,
      reminderSent: this.reminderSent,
      waitingFor: this.waitingFor(),
    };
  }

  outcome(): InviteOutcome {
    return { status: this.phase, sessionId: this.acceptance?.session.id ?? null };
  }

  private async oneAtATime<T>(work: () => Promise<T>): Promise<T> {
    this.answersWaiting++;
    // An operator's signal may arrive while the slot is still being held.
    await condition(() => this.phase !== 'opening');
    return this.answers.run(async () => {
      this.answersWaiting--;
      return work();
    });
  }

  /** Declines or withdraws: the invite ends, its slot is released, nothing is charged. */
  private endWithoutBooking(
    status: 'declined' | 'cancelled',
    by: Actor | undefined,
    ending: { declineReason?: string | null; rebook?: boolean; withSession?: boolean },
  ): Promise<InviteView> {
    return this.oneAtATime(async () => {
      // A pending invite can be withdrawn until its expiry step has run: the API's withdraw of an
      // invite whose opening outlasted the coach's request must win, whatever the clock says.
      if (status === 'declined') this.refuseIfNotAllowed('decline', by);
      else
        this.refuseIfNotAllowed('cancel', by, patchedBefore(this.input, 'withdraw-until-expired'));
      const outcome = await databaseSteps(this.input).closeInvite({
        inviteId: this.input.inviteId,
        status,
        declineReason: ending.declineReason ?? null,
      });
      if (!outcome.ok)
        throw failure('invite_already_responded', 'The invite is no longer pending.');
      this.invite = outcome.invite;
      this.rebook = ending.rebook ?? false;
      this.withdrawnWithSession = ending.withSession ?? false;
      this.moveTo(status);
      return outcome.invite;
    });
  }

  private moveTo(next: Phase): void {
    this.phase = next;
    // The API starts every invite as pending already; older runs started as opening.
    if (!(next === 'pending' && leanFlow(this.input)))
      upsertSearchAttributes([{ key: InviteStatusKey, value: next }]);
    setCurrentDetails(`Status: ${next}. Waiting for ${this.waitingFor()}.`);
  }

  private waitingFor(): string {
    if (this.phase === 'opening') return 'holding the slot';
    if (this.phase === 'pending') return `the client's answer until ${this.input.expiresAt}`;
    return `nothing: ${this.phase}`;
  }
}

/** Why an acceptance changed nothing, as the failure the client is answered with. */
const ACCEPT_REFUSED = {
  insufficient_credits: [
    'insufficient_credits',
    'The client has too few credits; the invite stays pending.',
  ],
  session_not_active: ['session_not_active', 'The session can no longer move.'],
  invite_not_pending: ['invite_already_responded', 'The invite is no longer pending.'],
} as const satisfies Record<string, readonly [FailureType, string]>;

const SLOT_REFUSED = {
  slot_unavailable: 'The coach already has a held or booked slot that overlaps this one.',
  reschedule_pending: 'The session already has a pending reschedule invite.',
  session_not_active: 'The session was cancelled, completed or has started.',
} as const satisfies Record<SlotRefusal, string>;

/** `holdSlot` answered with the bare invite in histories recorded before it returned an outcome. */
function heldOutcome(result: HoldOutcome | InviteView): HoldOutcome {
  return 'ok' in result ? result : { ok: true, invite: result };
}
