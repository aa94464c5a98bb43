import { Link } from 'react-router';
import type { Session } from '../../api/model';
import { formatSlot } from '../../lib/time';
import { ClientName } from './ClientName';

/** A booked session on the coach's home: the client and the slot; the row leads to the session. */
export function UpcomingSessionRow({ session, timeZone }: { session: Session; timeZone: string }) {
  return (
    <li className="row">
      <div>
        <Link to={`/sessions/${session.id}`} className="row__title">
          Session with <ClientName id={session.clientId} />
        </Link>
        <p className="row__meta">{formatSlot(session.startsAt, session.endsAt, timeZone)}</p>
        <p className="row__meta">
          Questionnaire: {session.questionnaire.status === 'submitted' ? 'answered' : 'not yet'}
        </p>
      </div>
    </li>
  );
}
