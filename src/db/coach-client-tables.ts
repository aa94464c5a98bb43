import { index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { utc } from './columns.js';
import { users } from './schema.js';

// Part of the schema (`schema.ts` re-exports it), apart only to keep files small.

/**
 * Which clients a coach works with (operators assign them). `client_name` copies the client's
 * name, kept current by `upsertUser` in the same transaction, so a coach's page of clients in
 * (name, id) order is one range of `coach_clients_coach_name_idx`, whatever the number of users.
 */
export const coachClients = pgTable(
  'coach_clients',
  {
    coachId: uuid('coach_id')
      .notNull()
      .references(() => users.id),
    clientId: uuid('client_id')
      .notNull()
      .references(() => users.id),
    clientName: text('client_name').notNull(),
    assignedAt: utc('assigned_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.coachId, t.clientId] }),
    index('coach_clients_coach_name_idx').on(t.coachId, t.clientName, t.clientId),
    index('coach_clients_client_idx').on(t.clientId),
  ],
);
