import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../api/client';
import type { Question } from '../api/model';
import { run } from '../api/problems';
import { useAction } from '../hooks/useAction';
import { ErrorText } from './ErrorText';
import { QuestionField, type AnswerValue } from './QuestionField';

const submit = (id: string, answers: Record<string, AnswerValue>) =>
  run(() =>
    api.PUT('/v1/sessions/{id}/questionnaire', { params: { path: { id } }, body: { answers } }),
  );

/** The session's questions, "Submit" and "Skip for now"; both go on to the confirmation. */
export function QuestionnaireForm({
  sessionId,
  questions,
}: {
  sessionId: string;
  questions: Question[];
}) {
  const navigate = useNavigate();
  const [answers, setAnswers] = useState<Record<string, AnswerValue>>({});
  const submitting = useAction(submit);
  const byPath = submitting.problem?.byPath ?? {};
  const aboutAnswers = Object.keys(byPath).some((path) => path.startsWith('body.answers.'));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const filled = Object.fromEntries(
      Object.entries(answers).filter(([, value]) => String(value).trim() !== ''),
    );
    const outcome = await submitting.start(sessionId, filled);
    if (outcome?.ok) await navigate(`/sessions/${sessionId}/confirmed`);
  };

  return (
    <form className="card form" onSubmit={(event) => void onSubmit(event)}>
      <p>A few questions help your coach prepare. It takes about two minutes.</p>
      {questions.map((question) => (
        <QuestionField
          key={question.id}
          question={question}
          value={answers[question.id]}
          onChange={(value) => setAnswers({ ...answers, [question.id]: value })}
          error={byPath[`body.answers.${question.id}`]}
        />
      ))}
      {aboutAnswers ? (
        <ErrorText text="Some answers need another look: see the notes beside them." />
      ) : (
        <ErrorText problem={submitting.problem} />
      )}
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={submitting.pending}>
          Submit
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={submitting.pending}
          onClick={() => void navigate(`/sessions/${sessionId}/confirmed?questionnaire=skipped`)}
        >
          Skip for now
        </button>
      </div>
    </form>
  );
}
