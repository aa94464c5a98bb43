/** What a pre-session question asks for. */
export const QUESTION_KINDS = ['text', 'longText', 'choice', 'scale'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** A scale question is answered with a whole number in this range. */
export const SCALE = { min: 1, max: 5 } as const;

/** Answers' upper lengths: a line for `text`, a few paragraphs for `longText`. */
export const ANSWER_MAX_LENGTH = { text: 500, longText: 5_000 } as const;

export interface Question {
  id: string;
  label: string;
  kind: QuestionKind;
  /** The choices of a `choice` question (and only of one). */
  options?: string[];
  required: boolean;
}

/** The questions new sessions get until an operator replaces them. */
export const DEFAULT_QUESTIONS: Question[] = [
  {
    id: 'focus',
    label: 'What would you like to focus on in this session?',
    kind: 'longText',
    required: true,
  },
  {
    id: 'changes',
    label: 'What has changed since your last session?',
    kind: 'longText',
    required: false,
  },
  {
    id: 'notes',
    label: 'Is there anything else your coach should know?',
    kind: 'longText',
    required: false,
  },
];
