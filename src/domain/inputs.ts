import type { InviteKind } from './model.js';

/** The standard policy a session runs under, fixed when its invite was sent. */
export interface SessionPolicy {
  cancellationWindowMs: number;
  questionnaireRemindersMs: number[];
}

/** Everything an invite needs, fixed when it is sent so its workflow never reads config or clock. */
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
  /** Started on the lean path without asking its patch (`workflows/patches.ts`); absent before. */
  leanFlow?: boolean;
  /**
   * Its acceptance step starts the session's workflow, instead of the invite starting it as a
   * child, without asking its patch (`workflows/patches.ts`); absent before.
   */
  acceptanceStartsSession?: boolean;
}

/** A booked session's workflow input. */
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
  /** Started on the lean path without asking its patch (`workflows/patches.ts`); absent before. */
  leanFlow?: boolean;
}
