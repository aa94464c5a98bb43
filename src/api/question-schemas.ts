import { z } from 'zod';
import { QUESTION_KINDS } from '../domain/questions.js';

const option = z.string().trim().min(1).max(200);

/** One question: `options` belong to (and are required by) a `choice` question only. */
export const questionSchema = z
  .object({
    id: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9_-]{0,49}$/, 'A letter, then up to 49 letters, digits, _ or -'),
    label: z.string().trim().min(1).max(500),
    kind: z.enum(QUESTION_KINDS),
    options: z.array(option).min(2).max(20).optional(),
    required: z.boolean(),
  })
  .strict()
  .superRefine((question, ctx) => {
    if (question.kind === 'choice' && !question.options)
      ctx.addIssue({
        code: 'custom',
        path: ['options'],
        message: 'A choice question needs options',
      });
    if (question.kind !== 'choice' && question.options)
      ctx.addIssue({
        code: 'custom',
        path: ['options'],
        message: 'Only a choice question has options',
      });
    if (question.options && new Set(question.options).size !== question.options.length)
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'Options must differ' });
  });

export const questionSetBody = z
  .object({
    questions: z
      .array(questionSchema)
      .min(1)
      .max(50)
      .superRefine((questions, ctx) => {
        const seen = new Set<string>();
        questions.forEach((question, index) => {
          if (seen.has(question.id))
            ctx.addIssue({
              code: 'custom',
              path: [index, 'id'],
              message: 'Question ids must differ',
            });
          seen.add(question.id);
        });
      }),
  })
  .strict();
