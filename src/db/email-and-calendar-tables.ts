import { integer, jsonb, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { utc } from './columns.js';
import type { EmailAttachment } from '../email/attachment.js';
import { users } from './schema.js';

// Part of the schema (`schema.ts` re-exports it), apart only to keep files small.

export const emailStatus = pgEnum('email_status', ['pending', 'sent', 'failed']);

export const emailLog = pgTable(
  'email_log',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    idempotencyKey: text('idempotency_key').notNull(),
    template: text('template').notNull(),
    recipientId: uuid('recipient_id').references(() => users.id),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html').notNull(),
    // Stored with the rest, so a retry sends the calendar event decided the first time.
    attachments: jsonb('attachments').$type<EmailAttachment[]>().notNull().default([]),
    status: emailStatus('status').notNull().default('pending'),
    transport: text('transport').notNull(),
    providerId: text('provider_id'),
    error: text('error'),
    attempts: integer('attempts').notNull().default(0),
    createdAt: utc('created_at').notNull().defaultNow(),
    sentAt: utc('sent_at'),
  },
  (t) => [uniqueIndex('email_log_idempotency_key_uq').on(t.idempotencyKey)],
);

/**
 * A person's private calendar feed. Only the token's SHA-256 is kept: the token itself is an HMAC
 * of `salt` under AUTH_JWT_SECRET, so the service can show the address again while a copy of the
 * database alone opens no feed. Rotating draws a new salt.
 */
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id),
    salt: text('salt').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: utc('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('calendar_feeds_token_hash_uq').on(t.tokenHash)],
);
