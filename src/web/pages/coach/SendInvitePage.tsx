import { Link, useNavigate } from 'react-router';
import type { Client } from '../../api/coach-model';
import type { Invite } from '../../api/model';
import { ErrorText } from '../../components/ErrorText';
import { Loading } from '../../components/Loading';
import { SendInviteForm } from '../../components/coach/SendInviteForm';
import { useClients } from '../../hooks/coach/useClients';
import { useMe } from '../../hooks/me-context';
import { useTitle } from '../../hooks/useTitle';
import { formatSlot } from '../../lib/time';

/** `/invites/new`: invite one of the coach's own clients to a session at a chosen time. */
export function SendInvitePage() {
  useTitle('Send invite');
  const { me } = useMe();
  const navigate = useNavigate();
  const [clients] = useClients();

  const onSent = (invite: Invite, client: Client) => {
    const slot = formatSlot(invite.startsAt, invite.endsAt, me.timezone);
    const notice = `Invite sent to ${client.name} for ${slot}. The slot is held for you until they answer.`;
    void navigate('/', { state: { notice } });
  };

  return (
    <>
      <p className="crumbs">
        <Link to="/">Home</Link>
      </p>
      <h1>Send invite</h1>
      {clients.status === 'loading' && <Loading what="Loading your clients" />}
      {clients.status === 'failed' && <ErrorText problem={clients.problem} />}
      {clients.status === 'ready' && clients.data.length === 0 && (
        <p className="empty">
          You have no clients yet. The platform’s back office adds clients to your list.
        </p>
      )}
      {clients.status === 'ready' && clients.data.length > 0 && (
        <SendInviteForm clients={clients.data} timeZone={me.timezone} onSent={onSent} />
      )}
    </>
  );
}
