import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';

export const INVITE_STATUSES = ['pending', 'accepted', 'declined', 'expired', 'cancelled'] as const;
export type InviteStatus = (typeof INVITE_STATUSES)[number];
export type InviteKind = 'new' | 'reschedule';

/** Who sent a message: a signed-in user through the API, or an operator (UI, CLI, back office). */
export interface Actor {
  role: 'coach' | 'client' | 'operator';
  id?: string;
}

/** Everything an invite needs, fixed when it is sent so the workflow never reads config or clock. */
export interface InviteInput {
  inviteId: string;
  kind: InviteKind;
  coachId: string;
  clientId: string;
  /** The session being moved, for a reschedule; null for a new session. */
  sessionId: string | null;
  /** The session's time when the reschedule was proposed. */
  originalSlot: { startsAt: string; endsAt: string } | null;
  startsAt: string;
  endsAt: string;
  creditCost: number;
  message: string | null;
  sentAt: string;
  expiresAt: string;
  reminderAt: string | null;
  /** The policy for the session an acceptance creates; absent in invites sent before sessions ran as workflows. */
  sessionPolicy?: SessionPolicy;
}

export interface InviteView {
  id: string;
  kind: InviteKind;
  coachId: string;
  clientId: string;
  sessionId: string | null;
  startsAt: string;
  endsAt: string;
  creditCost: number;
  message: string | null;
  status: InviteStatus;
  expiresAt: string;
  createdAt: string;
  respondedAt: string | null;
  declineReason: string | null;
  workflowId: string;
}

export interface SessionView {
  id: string;
  coachId: string;
  clientId: string;
  startsAt: string;
  endsAt: string;
  status: 'booked' | 'cancelled' | 'completed';
  creditCost: number;
  inviteId: string;
  questionnaire: { status: 'pending' | 'submitted'; submittedAt: string | null };
  cancellation: null | { by: 'coach' | 'client'; at: string; refundedCredits: number };
}

export interface AcceptCommand {
  by?: Actor;
}
export interface DeclineCommand {
  by?: Actor;
  reason?: string;
  rebook?: boolean;
}
export interface CancelCommand {
  by?: Actor;
  /** Set when the session itself was cancelled: its own email says so, this one stays silent. */
  withSession?: boolean;
}

export interface AcceptResult {
  invite: InviteView;
  session: SessionView;
}

export interface InviteState {
  inviteId: string;
  kind: InviteKind;
  status: InviteStatus | 'opening' | 'rejected';
  coachId: string;
  clientId: string;
  sessionId: string | null;
  startsAt: string;
  endsAt: string;
  expiresAt: string;
  reminderAt: string | null;
  reminderSent: boolean;
  waitingFor: string;
}

/** Update-with-Start target: answers once the slot is held, or fails with `slot_unavailable`. */
export const openInviteUpdate = defineUpdate<InviteView>('open');
export const acceptUpdate = defineUpdate<AcceptResult, [AcceptCommand]>('accept');
export const declineUpdate = defineUpdate<InviteView, [DeclineCommand]>('decline');
export const cancelUpdate = defineUpdate<InviteView, [CancelCommand]>('cancel');

/** The same actions as signals, for operators in the Temporal UI or CLI who need no answer. */
export const acceptSignal = defineSignal<[AcceptCommand?]>('accept');
export const declineSignal = defineSignal<[DeclineCommand?]>('decline');
export const cancelSignal = defineSignal<[CancelCommand?]>('cancel');

export const inviteStateQuery = defineQuery<InviteState>('state');

/** Failure types the API turns into problem codes (activities fail with the last two on bad data). */
export const INVITE_FAILURES = [
  'slot_unavailable',
  'insufficient_credits',
  'invite_expired',
  'invite_already_responded',
  'invite_cancelled',
  'forbidden',
  'reschedule_pending',
  'session_not_active',
  'validation_failed',
  'not_found',
] as const;
export type InviteFailure = (typeof INVITE_FAILURES)[number];

/** The standard policy a session runs under, fixed when its invite was sent. */
export interface SessionPolicy {
  cancellationWindowMs: number;
  questionnaireRemindersMs: number[];
}

export interface SessionInput {
  sessionId: string;
  inviteId: string;
  coachId: string;
  clientId: string;
  startsAt: string;
  endsAt: string;
  creditCost: number;
  policy: SessionPolicy;
  /** What a run hands to the next when it continues as new, or a late start knows already. */
  carried?: { questionnaireSubmitted: boolean; remindersSent: string[] };
}

export interface CancelSessionCommand {
  by?: Actor;
  /** Whose cancellation it counts as when an operator cancels: the policy differs. Default coach. */
  onBehalfOf?: 'coach' | 'client';
  reason?: string;
}

export interface CancelSessionResult {
  session: SessionView;
  refundedCredits: number;
}

export interface SessionState {
  sessionId: string;
  status: 'booked' | 'cancelled' | 'completed';
  coachId: string;
  clientId: string;
  startsAt: string;
  endsAt: string;
  questionnaireSubmitted: boolean;
  remindersSent: string[];
  nextReminderAt: string | null;
  waitingFor: string;
}

export const cancelSessionUpdate = defineUpdate<CancelSessionResult, [CancelSessionCommand]>(
  'cancel',
);
export const cancelSessionSignal = defineSignal<[CancelSessionCommand?]>('cancel');
/** Sent by the API once the client's answers are stored: no more reminders. */
export const questionnaireSubmittedSignal = defineSignal('questionnaireSubmitted');
/** Sent by an accepted reschedule invite: the session's timers move with it. */
export const sessionMovedSignal =
  defineSignal<[{ startsAt: string; endsAt: string }]>('sessionMoved');
export const sessionStateQuery = defineQuery<SessionState>('state');
