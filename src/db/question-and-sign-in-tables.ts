import { index, integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { utc } from './columns.js';
import type { Question } from '../domain/questions.js';

// Part of the schema (`schema.ts` re-exports it), apart only to keep files small.

/** The questions new sessions get, set by operators; no row: the default set. */
export const questionSets = pgTable('question_sets', {
  id: text('id').primaryKey(),
  questions: jsonb('questions').$type<Question[]>().notNull(),
  updatedAt: utc('updated_at').notNull(),
});

/**
 * Requests for sign-in emails counted per address or IP (`key`) and fixed window, so the limits
 * hold across API replicas: one atomic upsert counts each request.
 */
export const signInRequestCounts = pgTable(
  'sign_in_request_counts',
  {
    key: text('key').notNull(),
    windowStart: utc('window_start').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.key, t.windowStart] }),
    index('sign_in_request_counts_window_idx').on(t.windowStart),
  ],
);
