import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { utc } from './columns.js';
import { WEBHOOK_DELIVERY_STATUSES, WEBHOOK_EVENT_TYPES } from '../domain/webhook-events.js';

// Part of the schema (`schema.ts` re-exports it), apart only to keep files small.

export const webhookEventType = pgEnum('webhook_event_type', WEBHOOK_EVENT_TYPES);
export const webhookDeliveryStatus = pgEnum('webhook_delivery_status', WEBHOOK_DELIVERY_STATUSES);

/** Operators' endpoints; the secret signs every delivery and is shown only on creation. */
export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    url: text('url').notNull(),
    events: webhookEventType('events').array().notNull(),
    description: text('description'),
    enabled: boolean('enabled').notNull().default(true),
    secret: text('secret').notNull(),
    createdAt: utc('created_at').notNull().defaultNow(),
  },
  (t) => [index('webhook_endpoints_created_idx').on(t.createdAt, t.id)],
);

/**
 * The outbox: one row per change, written in the change's own transaction. `key` names the change
 * (`invite.accepted:<inviteId>`), so a retried activity cannot record it twice.
 */
export const webhookEvents = pgTable(
  'webhook_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    type: webhookEventType('type').notNull(),
    key: text('key').notNull(),
    data: jsonb('data').notNull(),
    occurredAt: utc('occurred_at').notNull(),
  },
  (t) => [uniqueIndex('webhook_events_key_uq').on(t.key)],
);

/**
 * One row per event and subscribed endpoint. `cycle` counts attempt cycles (a manual retry adds
 * one); the relay starts a workflow for each cycle not yet `dispatchedCycle`.
 */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => webhookEvents.id, { onDelete: 'cascade' }),
    endpointId: uuid('endpoint_id')
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    status: webhookDeliveryStatus('status').notNull().default('pending'),
    cycle: integer('cycle').notNull().default(1),
    dispatchedCycle: integer('dispatched_cycle').notNull().default(0),
    attempts: integer('attempts').notNull().default(0),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    nextAttemptAt: utc('next_attempt_at'),
    createdAt: utc('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('webhook_deliveries_event_endpoint_uq').on(t.eventId, t.endpointId),
    index('webhook_deliveries_endpoint_created_idx').on(t.endpointId, t.createdAt, t.id),
    // The relay's scan reads only what waits to be dispatched.
    index('webhook_deliveries_undispatched_idx')
      .on(t.createdAt)
      .where(sql`${t.dispatchedCycle} < ${t.cycle}`),
    check('webhook_deliveries_attempts_nonneg', sql`${t.attempts} >= 0`),
  ],
);

/** Every attempt's outcome: status, HTTP code (none when no answer came), duration, error. */
export const webhookAttempts = pgTable(
  'webhook_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    deliveryId: uuid('delivery_id')
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: 'cascade' }),
    cycle: integer('cycle').notNull(),
    attempt: integer('attempt').notNull(),
    succeeded: boolean('succeeded').notNull(),
    statusCode: integer('status_code'),
    durationMs: integer('duration_ms').notNull(),
    error: text('error'),
    at: utc('at').notNull(),
  },
  (t) => [index('webhook_attempts_delivery_at_idx').on(t.deliveryId, t.at)],
);
