import type {
  InviteKind,
  InviteStatus,
  Party,
  QuestionnaireStatus,
  SessionStatus,
} from './model.js';

/** An invite as the API shows it. */
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

/** A session as the API shows it. */
export interface SessionView {
  id: string;
  coachId: string;
  clientId: string;
  startsAt: string;
  endsAt: string;
  status: SessionStatus;
  creditCost: number;
  inviteId: string;
  questionnaire: { status: QuestionnaireStatus; submittedAt: string | null };
  cancellation: null | { by: Party; at: string; refundedCredits: number };
}

/** An accepted invite and the session it booked (or moved). */
export interface AcceptResult {
  invite: InviteView;
  session: SessionView;
}
