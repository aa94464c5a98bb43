import { eq, sql, type SQL } from 'drizzle-orm';
import { DEFAULT_QUESTIONS, type Question } from '../../domain/questions.js';
import type { DbOrTx } from '../client.js';
import { questionSets } from '../schema.js';

/** The one set new sessions are booked with. */
const CURRENT = 'current';

/** The questions new sessions get: the operators' set, or the default one. */
export async function currentQuestions(db: DbOrTx): Promise<Question[]> {
  const [row] = await db
    .select({ questions: questionSets.questions })
    .from(questionSets)
    .where(eq(questionSets.id, CURRENT));
  return row?.questions ?? DEFAULT_QUESTIONS;
}

/**
 * The same questions as an SQL expression, for a statement that stores them: the booking's insert
 * reads the set itself instead of a round trip ahead of it.
 */
export function currentQuestionsExpression(db: DbOrTx): SQL<Question[]> {
  const current = db
    .select({ questions: questionSets.questions })
    .from(questionSets)
    .where(eq(questionSets.id, CURRENT));
  const fallback = sql.param(DEFAULT_QUESTIONS, questionSets.questions);
  return sql<Question[]>`coalesce((${current}), ${fallback}::jsonb)`;
}

/** Replaces the questions new sessions get; sessions already booked keep theirs. */
export async function replaceQuestions(db: DbOrTx, questions: Question[], now: Date) {
  await db
    .insert(questionSets)
    .values({ id: CURRENT, questions, updatedAt: now })
    .onConflictDoUpdate({ target: questionSets.id, set: { questions, updatedAt: now } });
}
