import { useEffect, useRef, useState } from 'react';
import { api } from '../api/client';
import type { Session } from '../api/model';
import { explain, run, type Problem } from '../api/problems';
import { useAction } from '../hooks/useAction';
import { ErrorText } from './ErrorText';

const cancel = (id: string) =>
  run(() => api.POST('/v1/sessions/{id}/cancel', { params: { path: { id } }, body: {} }));

type Terms = NonNullable<Session['cancellationTerms']>;

/**
 * "Cancel session", then a confirmation that says beforehand what cancelling means (`terms`,
 * worded for the coach or the client); nothing while the session can no longer be cancelled.
 */
export function CancelSession({
  session,
  terms,
  explainProblem = explain,
  onCancelled,
}: {
  session: Session;
  terms: (terms: Terms, session: Session) => string;
  explainProblem?: (problem: Problem) => string;
  onCancelled: (refundedCredits: number) => void;
}) {
  const [asking, setAsking] = useState(false);
  const cancelling = useAction(cancel);
  const heading = useRef<HTMLHeadingElement>(null);
  // The question takes the focus, so keyboard and screen reader users hear the terms first.
  useEffect(() => {
    if (asking) heading.current?.focus();
  }, [asking]);
  if (!session.cancellationTerms) return null;

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
      <p>{terms(session.cancellationTerms, session)}</p>
      {cancelling.problem && <ErrorText text={explainProblem(cancelling.problem)} />}
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
