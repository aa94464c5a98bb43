import type { Client } from '../../api/coach-model';
import type { Session } from '../../api/model';
import { formatSlot } from '../../lib/time';
import { CancelledFact } from '../CancelledFact';

/** A session as its coach reads it: the client, the slot, and any cancellation. */
export function CoachSessionFacts({
  session,
  client,
  timeZone,
}: {
  session: Session;
  client: Client;
  timeZone: string;
}) {
  const { cancellation } = session;
  return (
    <dl className="facts card">
      <div>
        <dt>Client</dt>
        <dd>
          {client.name} (<a href={`mailto:${client.email}`}>{client.email}</a>), whose timezone is{' '}
          {client.timezone}
        </dd>
      </div>
      <div>
        <dt>When</dt>
        <dd>{formatSlot(session.startsAt, session.endsAt, timeZone)}</dd>
      </div>
      {cancellation && (
        <CancelledFact cancellation={cancellation} reader="coach" timeZone={timeZone} />
      )}
    </dl>
  );
}
