import { Link, useParams } from 'react-router';
import { ErrorText } from '../components/ErrorText';
import { InviteCard } from '../components/InviteCard';
import { Loading } from '../components/Loading';
import { useInvite } from '../hooks/useInvite';
import { useTitle } from '../hooks/useTitle';

/** `/invites/:id`: one invite in focus, as the email's button opens it. */
export function InvitePage() {
  useTitle('Invite');
  const { id = '' } = useParams();
  const [invite, reload] = useInvite(id);
  return (
    <>
      <p className="crumbs">
        <Link to="/invites">All invites</Link>
      </p>
      <h1>Your invite</h1>
      {invite.status === 'loading' && <Loading what="Loading the invite" />}
      {invite.status === 'failed' && <ErrorText problem={invite.problem} />}
      {invite.status === 'ready' && <InviteCard invite={invite.data} onChanged={reload} />}
    </>
  );
}
