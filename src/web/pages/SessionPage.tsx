import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { AddToCalendar } from '../components/AddToCalendar';
import { CancelSession } from '../components/CancelSession';
import { clientCancelTerms } from '../lib/cancel-terms';
import { ErrorText } from '../components/ErrorText';
import { Loading } from '../components/Loading';
import { SessionFacts } from '../components/SessionFacts';
import { StatusBadge } from '../components/StatusBadge';
import { useCoach } from '../hooks/useCoach';
import { useMe } from '../hooks/me-context';
import { useSession } from '../hooks/useSession';
import { useTitle } from '../hooks/useTitle';
import { credits } from '../lib/time';

/** `/sessions/:id`: coach, slot, questionnaire, and cancelling under the policy. */
export function SessionPage() {
  useTitle('Session');
  const { id = '' } = useParams();
  const { me, refresh } = useMe();
  const [session, reload] = useSession(id);
  const [coach] = useCoach(session.status === 'ready' ? session.data?.coachId : undefined);
  const [notice, setNotice] = useState<string | null>(null);

  if (session.status === 'failed') return <ErrorText problem={session.problem} />;
  if (session.status === 'loading' || coach.status === 'loading' || !session.data) {
    return <Loading what="Loading the session" />;
  }
  if (coach.status === 'failed') return <ErrorText problem={coach.problem} />;
  const onCancelled = (refunded: number) => {
    setNotice(
      refunded > 0
        ? `Session cancelled. ${credits(refunded)} went back to your balance.`
        : 'Session cancelled. No credits came back.',
    );
    void reload();
    void refresh().catch(() => {});
  };

  return (
    <>
      <p className="crumbs">
        <Link to="/sessions">All sessions</Link>
      </p>
      <div className="card__head">
        <h1>Session with {coach.data.name}</h1>
        <StatusBadge status={session.data.status} of="session" />
      </div>
      {notice && (
        <p className="success" role="status">
          {notice}
        </p>
      )}
      <SessionFacts session={session.data} coach={coach.data} timeZone={me.timezone} />
      {session.data.status === 'booked' && (
        <p className="actions">
          <AddToCalendar sessionId={session.data.id} />
        </p>
      )}
      <CancelSession
        session={session.data}
        terms={(terms, current) => clientCancelTerms(current, terms, me.timezone)}
        onCancelled={onCancelled}
      />
    </>
  );
}
