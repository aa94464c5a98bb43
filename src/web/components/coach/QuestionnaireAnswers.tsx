import type { Questionnaire } from '../../api/model';
import { formatMoment } from '../../lib/time';

type Value = NonNullable<Questionnaire['answers']>[string];

function answerText(value: Value | undefined, kind: string): string {
  if (value === undefined || value === null || value === '') return 'No answer';
  if (Array.isArray(value)) return value.length ? value.join(', ') : 'No answer';
  if (kind === 'scale' && typeof value === 'number') return `${value} of 5`;
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  return String(value);
}

/** The client's answers under each question's label, once they submitted them. */
export function QuestionnaireAnswers({
  questionnaire,
  timeZone,
}: {
  questionnaire: Questionnaire;
  timeZone: string;
}) {
  if (questionnaire.status !== 'submitted' || !questionnaire.answers) {
    return <p className="empty">The client has not filled in the questionnaire yet.</p>;
  }
  const answers = questionnaire.answers;
  return (
    <>
      {questionnaire.submittedAt && (
        <p className="hint">Sent {formatMoment(questionnaire.submittedAt, timeZone)}.</p>
      )}
      <dl className="facts card answers">
        {questionnaire.questions.map((question) => (
          <div key={question.id}>
            <dt>{question.label}</dt>
            <dd>{answerText(answers[question.id], question.kind)}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
