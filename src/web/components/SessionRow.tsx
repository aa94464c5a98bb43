import { Link } from 'react-router';
import type { Session } from '../api/model';
import { useCoach } from '../hooks/useCoach';
import { formatSlot } from '../lib/time';
import { StatusBadge } from './StatusBadge';

/** A session in a list: the coach, the slot, its state; the whole row leads to the session. */
export function SessionRow({ session, timeZone }: { session: Session; timeZone: string }) {
  const [coach] = useCoach(session.coachId);
  const name = coach.status === 'ready' ? coach.data.name : 'your coach';
  return (
    <li className="row">
      <div>
        <Link to={`/sessions/${session.id}`} className="row__title">
          Session with {name}
        </Link>
        <p className="row__meta">{formatSlot(session.startsAt, session.endsAt, timeZone)}</p>
      </div>
      <StatusBadge status={session.status} of="session" />
    </li>
  );
}
