import type { Session } from '../api/model';
import { ErrorText } from '../components/ErrorText';
import { Loading } from '../components/Loading';
import { SessionRow } from '../components/SessionRow';
import { ShowMore } from '../components/ShowMore';
import { useMe } from '../hooks/me-context';
import { useSessions } from '../hooks/useSession';
import { useTitle } from '../hooks/useTitle';

const isUpcoming = (session: Session, now: number) =>
  session.status === 'booked' && new Date(session.endsAt).getTime() > now;

/** `/sessions`: upcoming sessions first, then past and cancelled ones. */
export function SessionsPage() {
  useTitle('Sessions');
  const { me } = useMe();
  const sessions = useSessions();
  if (sessions.first.status === 'loading') return <Loading what="Loading your sessions" />;
  if (sessions.first.status === 'failed') return <ErrorText problem={sessions.first.problem} />;
  const now = Date.now();
  const upcoming = sessions.items.filter((session) => isUpcoming(session, now));
  const past = sessions.items.filter((session) => !isUpcoming(session, now)).reverse();
  return (
    <>
      <h1>Sessions</h1>
      <section aria-labelledby="upcoming">
        <h2 id="upcoming">Upcoming</h2>
        {upcoming.length ? (
          <ul className="rows">
            {upcoming.map((session) => (
              <SessionRow key={session.id} session={session} timeZone={me.timezone} />
            ))}
          </ul>
        ) : (
          <p className="empty">No upcoming sessions. Accepted invites show here.</p>
        )}
      </section>
      <section aria-labelledby="past">
        <h2 id="past">Past and cancelled</h2>
        {past.length ? (
          <ul className="rows">
            {past.map((session) => (
              <SessionRow key={session.id} session={session} timeZone={me.timezone} />
            ))}
          </ul>
        ) : (
          <p className="empty">Nothing here yet.</p>
        )}
      </section>
      <ShowMore list={sessions} />
    </>
  );
}
