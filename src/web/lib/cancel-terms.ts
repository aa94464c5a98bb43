import type { Session } from '../api/model';
import { credits, formatMoment } from './time';

type Terms = NonNullable<Session['cancellationTerms']>;

/** What cancelling now means for the client's credits, said before anything is cancelled. */
export function clientCancelTerms(session: Session, terms: Terms, timeZone: string): string {
  if (terms.refundedCredits > 0) {
    const until = terms.refundUntil
      ? ` Cancelling after ${formatMoment(terms.refundUntil, timeZone)} refunds nothing.`
      : '';
    return `If you cancel now, ${credits(terms.refundedCredits)} will come back to your balance.${until}`;
  }
  const since = terms.refundUntil
    ? ` Free cancellation ended ${formatMoment(terms.refundUntil, timeZone)}.`
    : '';
  return `If you cancel now, you will not get your ${credits(session.creditCost)} back.${since}`;
}

/** What the coach's cancellation means for their client: always a full refund. */
export function coachCancelTerms(terms: Terms, clientName: string): string {
  const refund =
    terms.refundedCredits > 0
      ? `${clientName} is refunded in full: ${credits(terms.refundedCredits)} will go back to their balance.`
      : `This session cost ${clientName} no credits, so there is nothing to refund.`;
  return `${refund} They are told by email.`;
}
