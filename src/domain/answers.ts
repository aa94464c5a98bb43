import { ANSWER_MAX_LENGTH, SCALE, type Question } from './questions.js';

export interface AnswerProblem {
  /** The question's id (or the unknown key's). */
  questionId: string;
  message: string;
}

const blank = (value: unknown) =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** Why one answer does not fit its question, or null when it does (a blank answer is checked apart). */
function answerProblem(question: Question, value: unknown): string | null {
  switch (question.kind) {
    case 'text':
    case 'longText': {
      if (typeof value !== 'string') return 'Must be text';
      const max = ANSWER_MAX_LENGTH[question.kind];
      return value.length > max ? `Must be at most ${max} characters` : null;
    }
    case 'choice':
      return typeof value === 'string' && (question.options ?? []).includes(value)
        ? null
        : `Must be one of: ${(question.options ?? []).join(', ')}`;
    case 'scale':
      return Number.isInteger(value) &&
        (value as number) >= SCALE.min &&
        (value as number) <= SCALE.max
        ? null
        : `Must be a whole number from ${SCALE.min} to ${SCALE.max}`;
  }
}

/**
 * Checks a client's answers against the session's questions: every required question answered,
 * each answer of its question's kind (a listed choice, a scale within range), no unknown keys.
 * Blank answers to optional questions are dropped; the kept answers are returned.
 */
export function checkAnswers(
  questions: Question[],
  answers: Record<string, unknown>,
): { ok: true; answers: Record<string, unknown> } | { ok: false; problems: AnswerProblem[] } {
  const problems: AnswerProblem[] = [];
  const kept: Record<string, unknown> = {};
  const known = new Set(questions.map((question) => question.id));
  for (const key of Object.keys(answers)) {
    if (!known.has(key))
      problems.push({ questionId: key, message: 'Not a question of this session' });
  }
  for (const question of questions) {
    const value = answers[question.id];
    if (blank(value)) {
      if (question.required)
        problems.push({ questionId: question.id, message: 'An answer is required' });
      continue;
    }
    const problem = answerProblem(question, value);
    if (problem) problems.push({ questionId: question.id, message: problem });
    else kept[question.id] = value;
  }
  return problems.length ? { ok: false, problems } : { ok: true, answers: kept };
}
