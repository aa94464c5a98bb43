import { sql } from 'drizzle-orm';
import { timestamp } from 'drizzle-orm/pg-core';

/** A moment, stored as `timestamptz` and read as a `Date`: every time in the schema is UTC. */
export const utc = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** A moment as a `timestamptz` parameter of a statement written in SQL. */
export const utcParam = (at: Date) => sql`${at.toISOString()}::timestamptz`;
