import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { DeclineAnswer } from '../api/model';
import { ContactCoachLink } from '../components/ContactCoachLink';
import { DeclineForm } from '../components/DeclineForm';
import { ErrorText } from '../components/ErrorText';
import { Loading } from '../components/Loading';
import { StatusBadge } from '../components/StatusBadge';
import { useCoach } from '../hooks/useCoach';
import { useInvite } from '../hooks/useInvite';
import { useMe } from '../hooks/me-context';
import { useTitle } from '../hooks/useTitle';
import { formatSlot } from '../lib/time';

/** `/invites/:id/decline`: decline, optionally with a reason, or decline and book another time. */
export function DeclinePage() {
  useTitle('Decline invite');
  const { id = '' } = useParams();
  const { me } = useMe();
  const [invite] = useInvite(id);
  const [coach] = useCoach(invite.status === 'ready' ? invite.data.coachId : undefined);
  const [declined, setDeclined] = useState(false);

  const onDeclined = (answer: DeclineAnswer, rebook: boolean) => {
    if (rebook && answer.next) {
      location.assign(answer.next.url);
      return;
    }
    setDeclined(true);
  };

  if (invite.status === 'failed') return <ErrorText problem={invite.problem} />;
  if (invite.status === 'loading' || coach.status === 'loading') return <Loading />;
  if (coach.status === 'failed') return <ErrorText problem={coach.problem} />;
  const slot = formatSlot(invite.data.startsAt, invite.data.endsAt, me.timezone);

  if (declined) {
    return (
      <>
        <h1>Invite declined</h1>
        <div className="card">
          <p>
            You declined the session with {coach.data.name} on {slot}. {coach.data.name} has been
            told. If another time suits you better, get in touch: a short note helps you both find
            one.
          </p>
          <div className="actions">
            <ContactCoachLink coach={coach.data} subject={`Another time instead of ${slot}`} />
            <Link to="/invites" className="button button--quiet">
              Back to invites
            </Link>
          </div>
        </div>
      </>
    );
  }
  return (
    <>
      <p className="crumbs">
        <Link to={`/invites/${id}`}>Back to the invite</Link>
      </p>
      <h1>Decline the invite</h1>
      <p>
        Session with {coach.data.name} on {slot}.
      </p>
      {invite.data.status === 'pending' ? (
        <DeclineForm invite={invite.data} onDeclined={onDeclined} />
      ) : (
        <p className="note">
          This invite can no longer be answered: <StatusBadge status={invite.data.status} />.
        </p>
      )}
    </>
  );
}
