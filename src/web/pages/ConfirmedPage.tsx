import { Link, useParams, useSearchParams } from 'react-router';
import { AddToCalendar } from '../components/AddToCalendar';
import { ErrorText } from '../components/ErrorText';
import { Loading } from '../components/Loading';
import { useCoach } from '../hooks/useCoach';
import { useMe } from '../hooks/me-context';
import { useSession } from '../hooks/useSession';
import { useTitle } from '../hooks/useTitle';
import { formatSlot } from '../lib/time';

/** `/sessions/:id/confirmed`: the booked session, and where to find it again. */
export function ConfirmedPage() {
  useTitle('Session confirmed');
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const { me } = useMe();
  const [session] = useSession(id);
  const [coach] = useCoach(session.status === 'ready' ? session.data?.coachId : undefined);
  const skipped = params.get('questionnaire') === 'skipped';

  return (
    <>
      <h1>Session confirmed</h1>
      {(session.status === 'loading' || coach.status === 'loading') && <Loading />}
      {session.status === 'failed' && <ErrorText problem={session.problem} />}
      {session.status === 'ready' && session.data && coach.status === 'ready' && (
        <div className="card card--success">
          <p className="lead">
            Your session with <strong>{coach.data.name}</strong> is booked for{' '}
            <strong>{formatSlot(session.data.startsAt, session.data.endsAt, me.timezone)}</strong>.
          </p>
          <p>It is now in your sessions, where you can also cancel it if you need to.</p>
          {skipped && (
            <p>
              You skipped the questionnaire for now. We will remind you by email before the session;
              you can fill it in any time from the session’s page.
            </p>
          )}
          <div className="actions">
            <Link className="button button--primary" to={`/sessions/${id}`}>
              View the session
            </Link>
            <AddToCalendar sessionId={id} />
            <Link className="button button--quiet" to="/sessions">
              All sessions
            </Link>
          </div>
        </div>
      )}
    </>
  );
}
