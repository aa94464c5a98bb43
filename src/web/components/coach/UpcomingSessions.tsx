import type { Session } from '../../api/model';
import type { PagedList } from '../../hooks/coach/useCoachLists';
import { ErrorText } from '../ErrorText';
import { Loading } from '../Loading';
import { ShowMore } from '../ShowMore';
import { UpcomingSessionRow } from './UpcomingSessionRow';

/** "Upcoming sessions": the coach's booked sessions that have not ended. */
export function UpcomingSessions({
  sessions,
  timeZone,
}: {
  sessions: PagedList<Session>;
  timeZone: string;
}) {
  const now = Date.now();
  const upcoming = sessions.items.filter((session) => new Date(session.endsAt).getTime() > now);
  return (
    <section aria-labelledby="upcoming-sessions">
      <h2 id="upcoming-sessions">Upcoming sessions</h2>
      {sessions.first.status === 'loading' && <Loading what="Loading your sessions" />}
      {sessions.first.status === 'failed' && <ErrorText problem={sessions.first.problem} />}
      {sessions.first.status === 'ready' && upcoming.length === 0 && (
        <p className="empty">No upcoming sessions. Accepted invites show here.</p>
      )}
      {upcoming.length > 0 && (
        <ul className="rows">
          {upcoming.map((session) => (
            <UpcomingSessionRow key={session.id} session={session} timeZone={timeZone} />
          ))}
        </ul>
      )}
      <ShowMore list={sessions} />
    </section>
  );
}
