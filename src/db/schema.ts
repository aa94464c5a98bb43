import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  json,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { utc } from './columns.js';
import {
  INVITE_KINDS,
  INVITE_STATUSES,
  PARTIES,
  QUESTIONNAIRE_STATUSES,
  SESSION_STATUSES,
} from '../domain/model.js';
import { DEFAULT_QUESTIONS, type Question } from '../domain/questions.js';

const createdAt = () => utc('created_at').notNull().defaultNow();
/** A record of one user's: its own random id and the user's. */
const userRecord = () => ({
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id),
});

export const userRole = pgEnum('user_role', PARTIES);
export const ledgerReason = pgEnum('ledger_reason', ['grant', 'booking_charge', 'refund']);
export const inviteKind = pgEnum('invite_kind', INVITE_KINDS);
export const inviteStatus = pgEnum('invite_status', INVITE_STATUSES);
export const blockStatus = pgEnum('block_status', ['held', 'booked', 'released']);
export const sessionStatus = pgEnum('session_status', SESSION_STATUSES);
export const party = pgEnum('party', PARTIES);
export const questionnaireStatus = pgEnum('questionnaire_status', QUESTIONNAIRE_STATUSES);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey(),
    role: userRole('role').notNull(),
    name: text('name').notNull(),
    email: text('email').notNull(),
    timezone: text('timezone').notNull(),
    createdAt: createdAt(),
    updatedAt: utc('updated_at').notNull().defaultNow(),
  },
  // Sign-in by email finds accounts by address whatever its case.
  (t) => [index('users_email_lower_idx').on(sql`lower(${t.email})`)],
);

export const creditAccounts = pgTable(
  'credit_accounts',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id),
    balance: integer('balance').notNull().default(0),
  },
  (t) => [check('credit_accounts_balance_non_negative', sql`${t.balance} >= 0`)],
);

export const creditLedger = pgTable(
  'credit_ledger',
  {
    ...userRecord(),
    delta: integer('delta').notNull(),
    reason: ledgerReason('reason').notNull(),
    note: text('note'),
    idempotencyKey: text('idempotency_key').notNull(),
    inviteId: uuid('invite_id'),
    sessionId: uuid('session_id'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('credit_ledger_idempotency_key_uq').on(t.idempotencyKey),
    index('credit_ledger_user_created_idx').on(t.userId, t.createdAt),
    check('credit_ledger_delta_non_zero', sql`${t.delta} <> 0`),
  ],
);

export const invites = pgTable(
  'invites',
  {
    id: uuid('id').primaryKey(),
    kind: inviteKind('kind').notNull(),
    coachId: uuid('coach_id')
      .notNull()
      .references(() => users.id),
    clientId: uuid('client_id')
      .notNull()
      .references(() => users.id),
    sessionId: uuid('session_id'),
    startsAt: utc('starts_at').notNull(),
    endsAt: utc('ends_at').notNull(),
    creditCost: integer('credit_cost').notNull(),
    message: text('message'),
    status: inviteStatus('status').notNull().default('pending'),
    expiresAt: utc('expires_at').notNull(),
    createdAt: createdAt(),
    respondedAt: utc('responded_at'),
    declineReason: text('decline_reason'),
    workflowId: text('workflow_id').notNull(),
  },
  (t) => [
    index('invites_coach_status_starts_idx').on(t.coachId, t.status, t.startsAt),
    index('invites_client_status_starts_idx').on(t.clientId, t.status, t.startsAt),
    // Pages of a person's invites, soonest first, cost the same whatever the list's length.
    index('invites_coach_starts_id_idx').on(t.coachId, t.startsAt, t.id),
    index('invites_client_starts_id_idx').on(t.clientId, t.startsAt, t.id),
    uniqueIndex('invites_one_pending_reschedule_uq')
      .on(t.sessionId)
      .where(sql`${t.kind} = 'reschedule' and ${t.status} = 'pending'`),
    check('invites_slot_order', sql`${t.endsAt} > ${t.startsAt}`),
    check('invites_credit_cost_non_negative', sql`${t.creditCost} >= 0`),
  ],
);

/**
 * A coach's calendar. Held and booked blocks of one coach never overlap (an exclusion constraint
 * in a hand-written migration), except a reschedule's new block with its own session's block:
 * blocks conflict only across different `coalesce(session_id, id)` groups.
 */
export const calendarBlocks = pgTable(
  'calendar_blocks',
  {
    id: uuid('id').primaryKey(),
    coachId: uuid('coach_id')
      .notNull()
      .references(() => users.id),
    startsAt: utc('starts_at').notNull(),
    endsAt: utc('ends_at').notNull(),
    status: blockStatus('status').notNull(),
    inviteId: uuid('invite_id')
      .notNull()
      .references(() => invites.id),
    sessionId: uuid('session_id'),
    createdAt: createdAt(),
    releasedAt: utc('released_at'),
  },
  (t) => [
    uniqueIndex('calendar_blocks_invite_uq').on(t.inviteId),
    index('calendar_blocks_coach_starts_idx').on(t.coachId, t.startsAt),
    check('calendar_blocks_slot_order', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey(),
    inviteId: uuid('invite_id')
      .notNull()
      .references(() => invites.id),
    coachId: uuid('coach_id')
      .notNull()
      .references(() => users.id),
    clientId: uuid('client_id')
      .notNull()
      .references(() => users.id),
    blockId: uuid('block_id')
      .notNull()
      .references(() => calendarBlocks.id),
    startsAt: utc('starts_at').notNull(),
    endsAt: utc('ends_at').notNull(),
    status: sessionStatus('status').notNull().default('booked'),
    creditCost: integer('credit_cost').notNull(),
    cancelledBy: party('cancelled_by'),
    cancelledAt: utc('cancelled_at'),
    cancelReason: text('cancel_reason'),
    refundedCredits: integer('refunded_credits'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('sessions_invite_uq').on(t.inviteId),
    index('sessions_coach_starts_idx').on(t.coachId, t.startsAt, t.id),
    index('sessions_client_starts_idx').on(t.clientId, t.startsAt, t.id),
  ],
);

export const questionnaires = pgTable('questionnaires', {
  sessionId: uuid('session_id')
    .primaryKey()
    .references(() => sessions.id),
  status: questionnaireStatus('status').notNull().default('pending'),
  // The questions the session was booked with: a later change of the set leaves it as it was.
  // Sessions booked before questions existed get the default set.
  questions: jsonb('questions').$type<Question[]>().notNull().default(DEFAULT_QUESTIONS),
  answers: jsonb('answers').$type<Record<string, unknown>>(),
  submittedAt: utc('submitted_at'),
});

export const notifications = pgTable(
  'notifications',
  {
    ...userRecord(),
    key: text('key').notNull(),
    type: text('type').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    link: text('link'),
    createdAt: createdAt(),
    readAt: utc('read_at'),
  },
  (t) => [
    uniqueIndex('notifications_key_uq').on(t.key),
    index('notifications_user_created_idx').on(t.userId, t.createdAt, t.id),
    index('notifications_user_unread_idx')
      .on(t.userId)
      .where(sql`${t.readAt} is null`),
  ],
);

/**
 * How many of a person's notifications are unread, kept by a trigger on `notifications` (see the
 * migration `unread_notification_counts`), so the badge costs one row however many there are.
 */
export const unreadNotificationCounts = pgTable(
  'unread_notification_counts',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id),
    unread: integer('unread').notNull().default(0),
  },
  (t) => [check('unread_notification_counts_non_negative', sql`${t.unread} >= 0`)],
);

/**
 * One row per caller and `Idempotency-Key`: the request it was first sent with, the invite id chosen
 * for it (so every retry opens the same `invite-<id>` workflow) and, once known, the answer.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    callerId: uuid('caller_id').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    inviteId: uuid('invite_id').notNull(),
    responseStatus: integer('response_status'),
    // json, not jsonb: a replay answers the stored body exactly as it was first sent.
    responseBody: json('response_body'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.callerId, t.key] }),
    index('idempotency_keys_created_idx').on(t.createdAt),
  ],
);

export * from './question-and-sign-in-tables.js';
export * from './webhook-tables.js';
export * from './coach-client-tables.js';
export * from './email-and-calendar-tables.js';
