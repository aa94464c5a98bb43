import type { Question } from '../api/model';

export type AnswerValue = string | number;

const SCALE = ['1', '2', '3', '4', '5'];

/** One question of the questionnaire, as the field its kind calls for. */
export function QuestionField({
  question,
  value,
  onChange,
}: {
  question: Question;
  value: AnswerValue | undefined;
  onChange: (value: AnswerValue) => void;
}) {
  const id = `q-${question.id}`;
  const label = (
    <>
      {question.label}
      {!question.required && <span className="hint"> (optional)</span>}
    </>
  );
  if (question.kind === 'choice' || question.kind === 'scale') {
    const options = question.options?.length ? question.options : SCALE;
    return (
      <fieldset className="field">
        <legend>{label}</legend>
        <div className={question.kind === 'scale' ? 'choices choices--row' : 'choices'}>
          {options.map((option) => (
            <label key={option} className="choice">
              <input
                type="radio"
                name={id}
                value={option}
                required={question.required}
                checked={String(value ?? '') === option}
                onChange={() => onChange(question.kind === 'scale' ? Number(option) : option)}
              />
              {option}
            </label>
          ))}
        </div>
      </fieldset>
    );
  }
  const shared = {
    id,
    required: question.required,
    value: value ?? '',
    onChange: (event: { target: { value: string } }) => onChange(event.target.value),
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {question.kind === 'longText' ? (
        <textarea rows={4} {...shared} />
      ) : (
        <input type="text" {...shared} />
      )}
    </div>
  );
}
