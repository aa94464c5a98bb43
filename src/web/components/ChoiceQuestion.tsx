import type { ReactNode } from 'react';
import type { Question } from '../api/model';

const SCALE = ['1', '2', '3', '4', '5'];

/** A choice or a 1–5 scale: radio buttons in a group named by the question. */
export function ChoiceQuestion({
  question,
  label,
  value,
  onChange,
  problem,
  described,
}: {
  question: Question;
  label: ReactNode;
  value: string | number | undefined;
  onChange: (value: string | number) => void;
  problem: ReactNode;
  described: object;
}) {
  const options = question.options?.length ? question.options : SCALE;
  return (
    <fieldset className="field" {...described}>
      <legend>{label}</legend>
      {problem}
      <div className={question.kind === 'scale' ? 'choices choices--row' : 'choices'}>
        {options.map((option) => (
          <label key={option} className="choice">
            <input
              type="radio"
              name={`q-${question.id}`}
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
