import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import type { Client } from '../../api/coach-model';
import type { Invite } from '../../api/model';
import { run } from '../../api/problems';
import { useSlotForm, type SlotRequest } from '../../hooks/coach/useSlotForm';
import { explainForCoach } from '../../lib/coach-problems';
import { ErrorText } from '../ErrorText';
import { SlotFields } from './SlotFields';

const sendInvite = (clientId: string, { idempotencyKey, ...slot }: SlotRequest) =>
  run(() =>
    api.POST('/v1/invites', {
      params: { header: { 'Idempotency-Key': idempotencyKey } },
      body: { clientId, ...slot },
    }),
  );

/** "Client", the slot's fields and "Send invite"; a refusal shows beside the button, values kept. */
export function SendInviteForm({
  clients,
  timeZone,
  onSent,
}: {
  clients: Client[];
  timeZone: string;
  onSent: (invite: Invite, client: Client) => void;
}) {
  const [clientId, setClientId] = useState(clients[0]?.id ?? '');
  const form = useSlotForm(timeZone, (slot) => sendInvite(clientId, slot));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const invite = await form.submit();
    const client = clients.find((candidate) => candidate.id === clientId);
    if (invite && client) onSent(invite, client);
  };

  return (
    <form className="card form" onSubmit={(event) => void onSubmit(event)} noValidate>
      <div className="field">
        <label htmlFor="invite-client">Client</label>
        <select
          id="invite-client"
          value={clientId}
          onChange={(event) => {
            form.changed();
            setClientId(event.target.value);
          }}
        >
          {clients.map((client) => (
            <option key={client.id} value={client.id}>
              {client.name} ({client.email})
            </option>
          ))}
        </select>
      </div>
      <SlotFields
        idPrefix="invite"
        values={form.values}
        timeZone={timeZone}
        errors={form.errors}
        onChange={form.setValues}
      />
      {form.problem && <ErrorText text={explainForCoach(form.problem)} />}
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={form.pending}>
          {form.pending ? 'Sending…' : 'Send invite'}
        </button>
      </div>
    </form>
  );
}
