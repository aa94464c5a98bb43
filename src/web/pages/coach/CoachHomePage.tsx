import { useLocation, useNavigate } from 'react-router';
import { PendingInvites } from '../../components/coach/PendingInvites';
import { UpcomingSessions } from '../../components/coach/UpcomingSessions';
import { useBookedSessions, usePendingInvites } from '../../hooks/coach/useCoachLists';
import { useMe } from '../../hooks/me-context';
import { useTitle } from '../../hooks/useTitle';
import '../../coach.css';

/** `/` for a coach: what is coming, what waits for an answer, and "Send invite". */
export function CoachHomePage() {
  useTitle('Home');
  const { me } = useMe();
  const navigate = useNavigate();
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  const sessions = useBookedSessions();
  const invites = usePendingInvites();
  return (
    <>
      <div className="page-actions">
        <h1>Welcome, {me.name}</h1>
        <button
          type="button"
          className="button button--primary"
          onClick={() => void navigate('/invites/new')}
        >
          Send invite
        </button>
      </div>
      {notice && (
        <p className="success" role="status">
          {notice}
        </p>
      )}
      <UpcomingSessions sessions={sessions} timeZone={me.timezone} />
      <PendingInvites invites={invites} timeZone={me.timezone} />
    </>
  );
}
