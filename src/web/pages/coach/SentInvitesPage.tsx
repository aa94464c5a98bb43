import { Link } from 'react-router';
import { ErrorText } from '../../components/ErrorText';
import { Loading } from '../../components/Loading';
import { ShowMore } from '../../components/ShowMore';
import { SentInviteRow } from '../../components/coach/SentInviteRow';
import { useInvites } from '../../hooks/useInvite';
import { useMe } from '../../hooks/me-context';
import { useTitle } from '../../hooks/useTitle';

/** `/invites` for a coach: every invite they sent, soonest slot first, with its status. */
export function SentInvitesPage() {
  useTitle('Sent invites');
  const { me } = useMe();
  const invites = useInvites();
  const { first, items } = invites;
  return (
    <>
      <h1>Sent invites</h1>
      {first.status === 'loading' && <Loading what="Loading your invites" />}
      {first.status === 'failed' && <ErrorText problem={first.problem} />}
      {first.status === 'ready' && items.length === 0 && (
        <p className="empty">
          No invites sent yet. <Link to="/invites/new">Send an invite</Link> to one of your clients.
        </p>
      )}
      {items.length > 0 && (
        <ul className="rows">
          {items.map((invite) => (
            <SentInviteRow key={invite.id} invite={invite} timeZone={me.timezone} />
          ))}
        </ul>
      )}
      <ShowMore list={invites} />
    </>
  );
}
