import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../api/client';
import { run } from '../api/problems';
import { ErrorText } from '../components/ErrorText';
import { Loading } from '../components/Loading';
import { QuestionField, type AnswerValue } from '../components/QuestionField';
import { useAction } from '../hooks/useAction';
import { useQuestionnaire } from '../hooks/useSession';
import { useTitle } from '../hooks/useTitle';

const submit = (id: string, answers: Record<string, AnswerValue>) =>
  run(() =>
    api.PUT('/v1/sessions/{id}/questionnaire', { params: { path: { id } }, body: { answers } }),
  );

/** `/sessions/:id/questionnaire`: the service's questions, "Submit" or "Skip for now". */
export function QuestionnairePage() {
  useTitle('Pre-session questionnaire');
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const [questionnaire] = useQuestionnaire(id);
  const [answers, setAnswers] = useState<Record<string, AnswerValue>>({});
  const submitting = useAction(submit);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const filled = Object.fromEntries(
      Object.entries(answers).filter(([, value]) => String(value).trim() !== ''),
    );
    const outcome = await submitting.start(id, filled);
    if (outcome?.ok) await navigate(`/sessions/${id}/confirmed`);
  };

  return (
    <>
      <h1>Pre-session questionnaire</h1>
      {questionnaire.status === 'loading' && <Loading what="Loading the questions" />}
      {questionnaire.status === 'failed' && <ErrorText problem={questionnaire.problem} />}
      {questionnaire.status === 'ready' && questionnaire.data.status === 'submitted' && (
        <p className="note">
          You have already sent your answers. <Link to={`/sessions/${id}`}>Go to the session</Link>.
        </p>
      )}
      {questionnaire.status === 'ready' && questionnaire.data.status === 'pending' && (
        <form className="card form" onSubmit={(event) => void onSubmit(event)}>
          <p>A few questions help your coach prepare. It takes about two minutes.</p>
          {questionnaire.data.questions.map((question) => (
            <QuestionField
              key={question.id}
              question={question}
              value={answers[question.id]}
              onChange={(value) => setAnswers({ ...answers, [question.id]: value })}
            />
          ))}
          <ErrorText problem={submitting.problem} />
          <div className="actions">
            <button type="submit" className="button button--primary" disabled={submitting.pending}>
              Submit
            </button>
            <button
              type="button"
              className="button button--secondary"
              disabled={submitting.pending}
              onClick={() => void navigate(`/sessions/${id}/confirmed?questionnaire=skipped`)}
            >
              Skip for now
            </button>
          </div>
        </form>
      )}
    </>
  );
}
