import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import type { DeclineAnswer, Invite } from '../api/model';
import { run } from '../api/problems';
import { useAction } from '../hooks/useAction';
import { ErrorText } from './ErrorText';

const decline = (id: string, reason: string, rebook: boolean) =>
  run(() =>
    api.POST('/v1/invites/{id}/decline', {
      params: { path: { id } },
      body: { ...(reason ? { reason } : {}), rebook },
    }),
  );

/** An optional reason, then "Decline" or "Decline and book a new time". */
export function DeclineForm({
  invite,
  onDeclined,
}: {
  invite: Invite;
  onDeclined: (answer: DeclineAnswer, rebook: boolean) => void;
}) {
  const [reason, setReason] = useState('');
  const declining = useAction(decline);

  const send = async (rebook: boolean) => {
    const outcome = await declining.start(invite.id, reason.trim(), rebook);
    if (outcome?.ok) onDeclined(outcome.data, rebook);
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void send(false);
  };

  return (
    <form className="card form" onSubmit={onSubmit}>
      <div className="field">
        <label htmlFor="reason">
          Reason <span className="hint">(optional, your coach sees it)</span>
        </label>
        <textarea
          id="reason"
          rows={4}
          maxLength={1000}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
      </div>
      <ErrorText problem={declining.problem} />
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={declining.pending}>
          Decline
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={declining.pending}
          onClick={() => void send(true)}
        >
          Decline and book a new time
        </button>
      </div>
    </form>
  );
}
