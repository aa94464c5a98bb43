import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorText } from '../../components/ErrorText';
import { Loading } from '../../components/Loading';
import { CancelSession } from '../../components/CancelSession';
import { coachCancelTerms } from '../../lib/cancel-terms';
import { CoachSessionFacts } from '../../components/coach/CoachSessionFacts';
import { CoachStatus } from '../../components/coach/CoachStatus';
import { ProposeNewTime } from '../../components/coach/ProposeNewTime';
import { QuestionnaireAnswers } from '../../components/coach/QuestionnaireAnswers';
import { useCoachSession } from '../../hooks/coach/useCoachSession';
import { useMe } from '../../hooks/me-context';
import { useTitle } from '../../hooks/useTitle';
import '../../coach.css';
import { explainForCoach } from '../../lib/coach-problems';
import { credits } from '../../lib/time';

/** `/sessions/:id` for a coach: the client, the slot, their answers; propose a new time, cancel. */
export function CoachSessionPage() {
  useTitle('Session');
  const { id = '' } = useParams();
  const { me } = useMe();
  const { session, client, questionnaire, reload } = useCoachSession(id);
  const [notice, setNotice] = useState<string | null>(null);

  if (session.status === 'failed') return <ErrorText text={explainForCoach(session.problem)} />;
  if (client.status === 'failed') return <ErrorText text={explainForCoach(client.problem)} />;
  if (session.status === 'loading' || client.status === 'loading' || !session.data || !client.data)
    return <Loading what="Loading the session" />;
  const name = client.data.name;
  const onCancelled = (refunded: number) => {
    setNotice(`Session cancelled. ${name} got ${credits(refunded)} back and is told by email.`);
    void reload();
  };
  const onProposed = () =>
    setNotice(`New time sent. ${name} is asked to accept it; until then the session stays as is.`);

  return (
    <>
      <p className="crumbs">
        <Link to="/">Home</Link>
      </p>
      <div className="card__head">
        <h1>Session with {name}</h1>
        <CoachStatus status={session.data.status} of="session" />
      </div>
      {notice && (
        <p className="success" role="status">
          {notice}
        </p>
      )}
      <CoachSessionFacts session={session.data} client={client.data} timeZone={me.timezone} />
      <section aria-labelledby="answers-heading">
        <h2 id="answers-heading">Questionnaire answers</h2>
        {questionnaire.status === 'loading' && <Loading what="Loading the answers" />}
        {questionnaire.status === 'failed' && <ErrorText problem={questionnaire.problem} />}
        {questionnaire.status === 'ready' && (
          <QuestionnaireAnswers questionnaire={questionnaire.data} timeZone={me.timezone} />
        )}
      </section>
      {session.data.cancellationTerms && (
        <div className="session-actions">
          <ProposeNewTime session={session.data} timeZone={me.timezone} onProposed={onProposed} />
          <CancelSession
            session={session.data}
            terms={(terms) => coachCancelTerms(terms, name)}
            explainProblem={explainForCoach}
            onCancelled={onCancelled}
          />
        </div>
      )}
    </>
  );
}
