import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { InviteKind, InviteStatus, Party, SessionStatus, Actor } from '../src/domain/model.js';
import type { AcceptResult, InviteView, SessionView } from '../src/domain/views.js';

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

export interface CancelSessionCommand {
  by?: Actor;
  /** Whose cancellation it counts as when an operator cancels: the policy differs. Default coach. */
  onBehalfOf?: Party;
  reason?: string;
}

export interface CancelSessionResult {
  session: SessionView;
  refundedCredits: number;
}

export interface SessionState {
  sessionId: string;
  status: SessionStatus;
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
