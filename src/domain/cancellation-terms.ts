import { isSessionActive, refundOnCancel } from './cancellation.js';
import type { Party } from './model.js';

export interface CancellationTerms {
  /** What cancelling now gives back to the client. */
  refundedCredits: number;
  /** After this moment a client's cancellation refunds nothing; null when the caller is the coach. */
  refundUntil: string | null;
}

/**
 * What cancelling the session now would refund, told to one side: a coach's cancel always
 * refunds in full; a client's in full until `windowMs` before the start, then nothing. Null once
 * the session can no longer be cancelled (not booked, or started).
 */
export function cancellationTerms(input: {
  by: Party;
  now: Date;
  session: { status: string; startsAt: Date; creditCost: number };
  windowMs: number;
}): CancellationTerms | null {
  const { by, now, session, windowMs } = input;
  if (!isSessionActive(session, now)) return null;
  return {
    refundedCredits: refundOnCancel({
      by,
      now,
      startsAt: session.startsAt,
      windowMs,
      creditCost: session.creditCost,
    }),
    refundUntil:
      by === 'client' ? new Date(session.startsAt.getTime() - windowMs).toISOString() : null,
  };
}
