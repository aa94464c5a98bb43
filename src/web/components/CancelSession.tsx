import { useEffect, useRef, useState } from 'react';
import { api } from '../api/client';
import type { Session } from '../api/model';
import { run } from '../api/problems';
import { useAction } from '../hooks/useAction';
import { credits, formatMoment } from '../lib/time';
import { ErrorText } from './ErrorText';

const cancel = (id: string) =>
  run(() => api.POST('/v1/sessions/{id}/cancel', { params: { path: { id } }, body: {} }));

type Terms = NonNullable<Session['cancellationTerms']>;

/** What cancelling now means for the credits, said before anything is cancelled. */
function termsSentence(session: Session, terms: Terms, timeZone: string): string {
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

/** "Cancel session", then a confirmation that says beforehand whether the credits come back. */
export function CancelSession({
  session,
  timeZone,
  onCancelled,
}: {
  session: Session;
  timeZone: string;
  onCancelled: (refundedCredits: number) => void;
}) {
  const [asking, setAsking] = useState(false);
  const cancelling = useAction(cancel);
  const heading = useRef<HTMLHeadingElement>(null);
  // The question takes the focus, so keyboard and screen reader users hear the terms first.
  useEffect(() => {
    if (asking) heading.current?.focus();
  }, [asking]);
  const terms = session.cancellationTerms;
  if (!terms) return null;

  const onConfirm = async () => {
    const outcome = await cancelling.start(session.id);
    if (outcome?.ok) onCancelled(outcome.data.refundedCredits);
  };

  if (!asking) {
    return (
      <button type="button" className="button button--danger" onClick={() => setAsking(true)}>
        Cancel session
      </button>
    );
  }
  return (
    <section className="confirm" aria-labelledby="confirm-cancel">
      <h2 id="confirm-cancel" ref={heading} tabIndex={-1}>
        Cancel this session?
      </h2>
      <p>{termsSentence(session, terms, timeZone)}</p>
      <ErrorText problem={cancelling.problem} />
      <div className="actions">
        <button
          type="button"
          className="button button--danger"
          disabled={cancelling.pending}
          onClick={() => void onConfirm()}
        >
          Confirm cancellation
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={cancelling.pending}
          onClick={() => setAsking(false)}
        >
          Keep session
        </button>
      </div>
    </section>
  );
}
