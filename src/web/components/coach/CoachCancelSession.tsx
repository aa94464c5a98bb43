import { useState } from 'react';
import { api } from '../../api/client';
import type { Session } from '../../api/model';
import { run } from '../../api/problems';
import { useAction } from '../../hooks/useAction';
import { explainForCoach } from '../../lib/coach-problems';
import { credits } from '../../lib/time';
import { ErrorText } from '../ErrorText';

const cancel = (id: string) =>
  run(() => api.POST('/v1/sessions/{id}/cancel', { params: { path: { id } }, body: {} }));

/** "Cancel session", then a confirmation saying beforehand that the client is refunded in full. */
export function CoachCancelSession({
  session,
  clientName,
  onCancelled,
}: {
  session: Session;
  clientName: string;
  onCancelled: (refundedCredits: number) => void;
}) {
  const [asking, setAsking] = useState(false);
  const cancelling = useAction(cancel);
  if (!session.cancellationTerms) return null;
  const refund = session.cancellationTerms.refundedCredits;

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
      <h2 id="confirm-cancel">Cancel this session?</h2>
      <p>
        {refund > 0
          ? `${clientName} is refunded in full: ${credits(refund)} will go back to their balance.`
          : `This session cost ${clientName} no credits, so there is nothing to refund.`}{' '}
        They are told by email.
      </p>
      {cancelling.problem && <ErrorText text={explainForCoach(cancelling.problem)} />}
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
