import { ErrorText } from '../components/ErrorText';
import { InviteCard } from '../components/InviteCard';
import { Loading } from '../components/Loading';
import { ShowMore } from '../components/ShowMore';
import { useInvites } from '../hooks/useInvite';
import { useTitle } from '../hooks/useTitle';

/** `/invites`: every invite the client received, soonest first. */
export function InvitesPage() {
  useTitle('Invites');
  const invites = useInvites();
  const { first, items } = invites;
  return (
    <>
      <h1>Invites</h1>
      {first.status === 'loading' && <Loading what="Loading your invites" />}
      {first.status === 'failed' && <ErrorText problem={first.problem} />}
      {first.status === 'ready' && items.length === 0 && (
        <p className="empty">
          No invites yet. When your coach invites you to a session, it shows here.
        </p>
      )}
      <div className="stack">
        {items.map((invite) => (
          <InviteCard key={invite.id} invite={invite} onChanged={invites.refresh} linkTitle />
        ))}
      </div>
      <ShowMore list={invites} />
    </>
  );
}
