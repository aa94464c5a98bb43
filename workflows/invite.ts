import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  getExternalWorkflowHandle,
  log,
  ParentClosePolicy,
  patched,
  proxyActivities,
  setCurrentDetails,
  setHandler,
  startChild,
  upsertSearchAttributes,
  uuid4,
  WorkflowIdReusePolicy,
} from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import type { InviteEvent, Recipient } from '../src/email/invite-messages.js';
import {
  ClientIdKey,
  CoachIdKey,
  InviteStatusKey,
  SessionStatusKey,
  SlotStartKey,
} from '../src/temporal/search-attributes.js';
import {
  acceptSignal,
  acceptUpdate,
  cancelSignal,
  cancelUpdate,
  declineSignal,
  declineUpdate,
  inviteStateQuery,
  openInviteUpdate,
  type AcceptCommand,
  type AcceptResult,
  type Actor,
  type CancelCommand,
  type DeclineCommand,
  type InviteFailure,
  type InviteInput,
  type InviteState,
  type InviteView,
  type SessionPolicy,
  type SessionView,
  sessionMovedSignal,
} from './messages.js';
import { createMutex } from './mutex.js';
import { sessionWorkflow } from './session.js';

/** For invites sent before the API passed a policy along: the documented defaults. */
const DEFAULT_SESSION_POLICY: SessionPolicy = {
  cancellationWindowMs: 24 * 3_600_000,
  questionnaireRemindersMs: [72 * 3_600_000, 24 * 3_600_000],
};

/** `holdSlot`'s refusals: its transaction rolled back, so nothing is left to discard. */
const SLOT_REFUSALS = ['slot_unavailable', 'reschedule_pending', 'session_not_active'];

const { holdSlot } = proxyActivities<Activities>({
  startToCloseTimeout: '15s',
  retry: {
    initialInterval: '500ms',
    maximumInterval: '5s',
    maximumAttempts: 5,
    nonRetryableErrorTypes: SLOT_REFUSALS,
  },
});
/** Database steps retry what may pass (a restart, a lost connection); bad data fails at once. */
const { acceptInvite, closeInvite, discardInvite } = proxyActivities<Activities>({
  startToCloseTimeout: '15s',
  retry: { initialInterval: '500ms', maximumInterval: '30s' },
});
const { notifyParty } = proxyActivities<Activities>({
  startToCloseTimeout: '1m',
  retry: { initialInterval: '2s', maximumInterval: '5m', maximumAttempts: 12 },
});

type Phase = InviteState['status'];
type Answer = 'accept' | 'decline' | 'cancel';

export interface InviteOutcome {
  status: Phase;
  sessionId: string | null;
}

const failure = (type: InviteFailure, message: string) =>
  ApplicationFailure.create({ type, message, nonRetryable: true });

/**
 * One invite from sending to its single ending: holds the slot (answering the API's
 * Update-with-Start), tells the client, reminds once, and ends accepted, declined, expired or
 * cancelled, whatever arrives at the same moment: answers are handled one at a time.
 */
export async function inviteWorkflow(input: InviteInput): Promise<InviteOutcome> {
  const expiresAt = Date.parse(input.expiresAt);
  const reminderAt = input.reminderAt ? Date.parse(input.reminderAt) : null;
  let phase: Phase = 'opening';
  let invite: InviteView | undefined;
  let openFailure: unknown;
  let acceptance: AcceptResult | undefined;
  let rebook = false;
  let withdrawnWithSession = false;
  let reminderSent = false;
  const mutex = createMutex();

  const waitingFor = (): string => {
    if (phase === 'opening') return 'holding the slot';
    if (phase === 'pending') return `the client's answer until ${input.expiresAt}`;
    return `nothing: ${phase}`;
  };
  const setPhase = (next: Phase) => {
    phase = next;
    upsertSearchAttributes([{ key: InviteStatusKey, value: next }]);
    setCurrentDetails(`Status: ${next}. Waiting for ${waitingFor()}.`);
  };

  /** Answers run one at a time, so exactly one ending wins whatever arrives together. */
  const exclusive = async <T>(work: () => Promise<T>): Promise<T> => {
    // An operator's signal may arrive while the slot is still being held.
    await condition(() => phase !== 'opening');
    return mutex.run(work);
  };

  const check = (answer: Answer, by: Actor | undefined) => {
    const owner = answer === 'cancel' ? input.coachId : input.clientId;
    if (by && by.role !== 'operator' && by.id !== owner)
      throw failure('forbidden', 'Only the invite’s own party may do this.');
    if (answer === 'accept' && phase === 'accepted') return;
    if (phase === 'opening' || phase === 'rejected')
      throw failure('invite_cancelled', 'The invite was never opened.');
    if (phase === 'expired') throw failure('invite_expired', 'The invite has expired.');
    if (phase === 'cancelled') throw failure('invite_cancelled', 'The coach withdrew the invite.');
    if (phase !== 'pending')
      throw failure('invite_already_responded', `The invite was already ${phase}.`);
    if (Date.now() >= expiresAt) throw failure('invite_expired', 'The invite has expired.');
  };

  /** Starts the session's own workflow once: a child start is recorded in this history. */
  const startSession = async (session: SessionView) => {
    await startChild(sessionWorkflow, {
      workflowId: `session-${session.id}`,
      parentClosePolicy: ParentClosePolicy.ABANDON,
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      args: [
        {
          sessionId: session.id,
          inviteId: input.inviteId,
          coachId: session.coachId,
          clientId: session.clientId,
          startsAt: session.startsAt,
          endsAt: session.endsAt,
          creditCost: session.creditCost,
          policy: input.sessionPolicy ?? DEFAULT_SESSION_POLICY,
        },
      ],
      typedSearchAttributes: [
        { key: SessionStatusKey, value: 'booked' },
        { key: CoachIdKey, value: session.coachId },
        { key: ClientIdKey, value: session.clientId },
        { key: SlotStartKey, value: new Date(session.startsAt) },
      ],
      staticSummary: `Session ${session.startsAt} → ${session.endsAt}`,
      staticDetails: `Coach: ${session.coachId}\nClient: ${session.clientId}\nInvite: ${input.inviteId}`,
    }).catch((error: unknown) =>
      log.error('Could not start the session workflow', { error: String(error) }),
    );
  };
  /** Moves the session's timers; a session that has no workflow yet is given one at its new time. */
  const moveSession = async (session: SessionView) => {
    await getExternalWorkflowHandle(`session-${session.id}`)
      .signal(sessionMovedSignal, { startsAt: session.startsAt, endsAt: session.endsAt })
      .catch(async (error: unknown) => {
        log.warn('Could not move the session workflow; starting one', { error: String(error) });
        await startSession(session);
      });
  };

  const accept = (command: AcceptCommand = {}) =>
    exclusive(async (): Promise<AcceptResult> => {
      check('accept', command.by);
      if (acceptance) return acceptance;
      const outcome = await acceptInvite({ inviteId: input.inviteId, sessionId: uuid4() });
      if (!outcome.ok) {
        if (outcome.reason === 'insufficient_credits') {
          throw failure(
            'insufficient_credits',
            'The client has too few credits; the invite stays pending.',
          );
        }
        if (outcome.reason === 'session_not_active')
          throw failure('session_not_active', 'The session can no longer move.');
        throw failure('invite_already_responded', 'The invite is no longer pending.');
      }
      acceptance = { invite: outcome.invite, session: outcome.session };
      invite = outcome.invite;
      setPhase('accepted');
      // Before the client hears back, so the session can be cancelled or answered at once.
      if (input.kind === 'reschedule') await moveSession(acceptance.session);
      else if (patched('session-workflow')) await startSession(acceptance.session);
      return acceptance;
    });

  const close = (
    answer: 'decline' | 'cancel',
    by: Actor | undefined,
    declineReason: string | null,
    onClosed: () => void,
  ) =>
    exclusive(async (): Promise<InviteView> => {
      check(answer, by);
      const status = answer === 'decline' ? 'declined' : 'cancelled';
      const outcome = await closeInvite({ inviteId: input.inviteId, status, declineReason });
      if (!outcome.ok)
        throw failure('invite_already_responded', 'The invite is no longer pending.');
      invite = outcome.invite;
      onClosed();
      setPhase(status);
      return invite;
    });
  const decline = (command: DeclineCommand = {}) =>
    close('decline', command.by, command.reason ?? null, () => {
      rebook = command.rebook ?? false;
    });
  const cancel = (command: CancelCommand = {}) =>
    close('cancel', command.by, null, () => {
      withdrawnWithSession = command.withSession ?? false;
    });

  setHandler(openInviteUpdate, async () => {
    await condition(() => phase !== 'opening');
    if (phase === 'rejected' || !invite) throw openFailure;
    return invite;
  });
  setHandler(acceptUpdate, accept, { validator: (command) => check('accept', command.by) });
  setHandler(declineUpdate, decline, { validator: (command) => check('decline', command.by) });
  setHandler(cancelUpdate, cancel, { validator: (command) => check('cancel', command.by) });
  const fromSignal = (name: string, work: Promise<unknown>) =>
    void work.catch((error: unknown) =>
      log.warn(`Signal ${name} had no effect`, { error: String(error) }),
    );
  setHandler(acceptSignal, (command) => fromSignal('accept', accept(command)));
  setHandler(declineSignal, (command) => fromSignal('decline', decline(command)));
  setHandler(cancelSignal, (command) => fromSignal('cancel', cancel(command)));
  setHandler(inviteStateQuery, () => ({
    inviteId: input.inviteId,
    kind: input.kind,
    status: phase,
    coachId: input.coachId,
    clientId: input.clientId,
    sessionId: acceptance?.session.id ?? input.sessionId,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    expiresAt: input.expiresAt,
    reminderAt: input.reminderAt,
    reminderSent,
    waitingFor: waitingFor(),
  }));

  const tell = async (event: InviteEvent, ...recipients: Recipient[]) => {
    await Promise.all(
      recipients.map((recipient) =>
        notifyParty({
          event,
          recipient,
          inviteId: input.inviteId,
          originalSlot: input.originalSlot,
          rebook,
        }).catch((error: unknown) =>
          log.error('Could not notify', { event, recipient, error: String(error) }),
        ),
      ),
    );
  };

  try {
    invite = await holdSlot(input);
  } catch (error) {
    openFailure =
      error instanceof Error && error.cause instanceof ApplicationFailure ? error.cause : error;
    const refused =
      openFailure instanceof ApplicationFailure && SLOT_REFUSALS.includes(openFailure.type ?? '');
    // The last attempt may have committed before it failed: the coach hears "no" only once nothing is held.
    if (!refused && patched('discard-unopened-invite'))
      await discardInvite({ inviteId: input.inviteId });
    setPhase('rejected');
    await condition(allHandlersFinished);
    return { status: 'rejected', sessionId: null };
  }
  setPhase('pending');

  // Reminder and expiry keep their time whatever the email service does: emails go out beside the
  // timers. Histories recorded before this waited for each email first, and replay as they ran.
  const emailsBesideTimers = patched('emails-beside-timers');
  const emailsInFlight: Promise<void>[] = [];
  const tellBeside = async (event: InviteEvent) => {
    const told = tell(event, 'client');
    emailsInFlight.push(told);
    if (!emailsBesideTimers) await told;
  };

  await tellBeside('invite_sent');
  const pending = () => phase === 'pending';
  // A reminder whose moment passed while no worker ran still goes out if the invite is pending.
  if (reminderAt !== null && (emailsBesideTimers || reminderAt > Date.now())) {
    if (reminderAt > Date.now()) await condition(() => !pending(), reminderAt - Date.now());
    if (pending()) {
      await condition(() => !mutex.held);
      if (pending() && Date.now() < expiresAt) {
        reminderSent = true;
        await tellBeside('invite_reminder');
      }
    }
  }
  if (pending() && expiresAt > Date.now())
    await condition(() => !pending(), expiresAt - Date.now());
  if (pending()) {
    await exclusive(async () => {
      if (!pending()) return;
      const outcome = await closeInvite({ inviteId: input.inviteId, status: 'expired' });
      invite = outcome.invite;
      setPhase(outcome.invite.status);
    });
  }

  // The ending's emails follow the ones still in flight, so nobody reads them out of order.
  await Promise.all(emailsInFlight);
  const ending = phase as Phase;
  if (ending === 'accepted') await tell('invite_accepted', 'client', 'coach');
  else if (ending === 'declined') await tell('invite_declined', 'coach', 'client');
  else if (ending === 'expired') await tell('invite_expired', 'client', 'coach');
  else if (ending === 'cancelled' && !withdrawnWithSession)
    await tell('invite_cancelled', 'client');

  await condition(allHandlersFinished);
  return { status: ending, sessionId: acceptance?.session.id ?? null };
}
