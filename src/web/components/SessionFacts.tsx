import { Link } from 'react-router';
import type { Coach, Session } from '../api/model';
import { formatMoment, formatSlot } from '../lib/time';
import { CancelledFact } from './CancelledFact';

/** A session's coach, slot, questionnaire (with a link while pending) and any cancellation. */
export function SessionFacts({
  session,
  coach,
  timeZone,
}: {
  session: Session;
  coach: Coach;
  timeZone: string;
}) {
  const { questionnaire, cancellation } = session;
  return (
    <dl className="facts card">
      <div>
        <dt>Coach</dt>
        <dd>
          {coach.name} (<a href={`mailto:${coach.email}`}>{coach.email}</a>)
        </dd>
      </div>
      <div>
        <dt>When</dt>
        <dd>{formatSlot(session.startsAt, session.endsAt, timeZone)}</dd>
      </div>
      <div>
        <dt>Questionnaire</dt>
        <dd>
          {questionnaire.status === 'submitted' ? (
            `Sent${questionnaire.submittedAt ? ` ${formatMoment(questionnaire.submittedAt, timeZone)}` : ''}`
          ) : (
            <>
              Not filled in yet.{' '}
              {session.status === 'booked' && (
                <Link to={`/sessions/${session.id}/questionnaire`}>Fill in the questionnaire</Link>
              )}
            </>
          )}
        </dd>
      </div>
      {cancellation && (
        <CancelledFact cancellation={cancellation} reader="client" timeZone={timeZone} />
      )}
    </dl>
  );
}
