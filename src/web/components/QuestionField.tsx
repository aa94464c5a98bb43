import type { Question } from '../api/model';
import { ChoiceQuestion } from './ChoiceQuestion';

export type AnswerValue = string | number;

/** One question of the questionnaire, as the field its kind calls for, with any problem beside it. */
export function QuestionField({
  question,
  value,
  onChange,
  error,
}: {
  question: Question;
  value: AnswerValue | undefined;
  onChange: (value: AnswerValue) => void;
  /** What the service said about this answer. */
  error?: string | undefined;
}) {
  const id = `q-${question.id}`;
  const errorId = `${id}-error`;
  const problem = error ? (
    <p id={errorId} className="field-error">
      {error}
    </p>
  ) : null;
  const described = error ? { 'aria-describedby': errorId, 'aria-invalid': true } : {};
  const label = (
    <>
      {question.label}
      {!question.required && <span className="hint"> (optional)</span>}
    </>
  );
  if (question.kind === 'choice' || question.kind === 'scale') {
    return (
      <ChoiceQuestion
        question={question}
        label={label}
        value={value}
        onChange={onChange}
        problem={problem}
        described={error ? { 'aria-describedby': errorId } : {}}
      />
    );
  }
  const shared = {
    ...described,
    id,
    required: question.required,
    value: value ?? '',
    onChange: (event: { target: { value: string } }) => onChange(event.target.value),
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {problem}
      {question.kind === 'longText' ? (
        <textarea rows={4} {...shared} />
      ) : (
        <input type="text" {...shared} />
      )}
    </div>
  );
}
