import { ErrorText } from '../components/ErrorText';
import { InviteCard } from '../components/InviteCard';
import { Loading } from '../components/Loading';
import { useInvites } from '../hooks/useInvite';
import { useTitle } from '../hooks/useTitle';

/** Every invite the client received: waiting ones first, then the answered ones. */
export function InvitesPage() {
  useTitle('Invites');
  const [invites, reload] = useInvites();
  return (
    <>
      <h1>Invites</h1>
      {invites.status === 'loading' && <Loading what="Loading your invites" />}
      {invites.status === 'failed' && <ErrorText problem={invites.problem} />}
      {invites.status === 'ready' && invites.data.items.length === 0 && (
        <p className="empty">
          No invites yet. When your coach invites you to a session, it shows here.
        </p>
      )}
      {invites.status === 'ready' && (
        <div className="stack">
          {[...invites.data.items]
            .sort((a, b) => Number(b.status === 'pending') - Number(a.status === 'pending'))
            .map((invite) => (
              <InviteCard key={invite.id} invite={invite} onChanged={reload} linkTitle />
            ))}
        </div>
      )}
    </>
  );
}
