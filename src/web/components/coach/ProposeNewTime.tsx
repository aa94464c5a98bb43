import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import type { Session } from '../../api/model';
import { run } from '../../api/problems';
import { useSlotForm, type SlotRequest } from '../../hooks/coach/useSlotForm';
import { explainForCoach } from '../../lib/coach-problems';
import { ErrorText } from '../ErrorText';
import { SlotFields } from './SlotFields';

const propose = (id: string, { idempotencyKey, ...slot }: SlotRequest) =>
  run(() =>
    api.POST('/v1/sessions/{id}/reschedule', {
      params: { path: { id }, header: { 'Idempotency-Key': idempotencyKey } },
      body: slot,
    }),
  );

/** "Propose new time": the invite's slot fields; the client accepts or declines the new time. */
export function ProposeNewTime({
  session,
  timeZone,
  onProposed,
}: {
  session: Session;
  timeZone: string;
  onProposed: () => void;
}) {
  const [open, setOpen] = useState(false);
  const form = useSlotForm(timeZone, (slot) => propose(session.id, slot));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (await form.submit()) {
      setOpen(false);
      onProposed();
    }
  };

  if (!open) {
    return (
      <button type="button" className="button button--secondary" onClick={() => setOpen(true)}>
        Propose new time
      </button>
    );
  }
  return (
    <form
      className="card form"
      aria-labelledby="propose-heading"
      onSubmit={(event) => void onSubmit(event)}
      noValidate
    >
      <h2 id="propose-heading">Propose new time</h2>
      <p>The session keeps its current time until the client accepts the new one.</p>
      <SlotFields
        idPrefix="propose"
        values={form.values}
        timeZone={timeZone}
        errors={form.errors}
        onChange={form.setValues}
      />
      {form.problem && <ErrorText text={explainForCoach(form.problem)} />}
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={form.pending}>
          Send new time
        </button>
        <button
          type="button"
          className="button button--quiet"
          disabled={form.pending}
          onClick={() => setOpen(false)}
        >
          Keep the current time
        </button>
      </div>
    </form>
  );
}
