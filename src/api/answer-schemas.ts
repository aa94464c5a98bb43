import { z } from 'zod';
import {
  INVITE_KINDS,
  INVITE_STATUSES,
  PARTIES,
  QUESTIONNAIRE_STATUSES,
  SESSION_STATUSES,
} from '../domain/model.js';
import { QUESTION_KINDS } from '../domain/questions.js';
import * as webhooks from './webhook-schemas.js';

/**
 * What the API answers, for the OpenAPI document (clients generate their types from it). Kept
 * beside the routes' own views; a test checks real answers against them.
 */
const id = z.uuid();
const time = z.iso.datetime({ offset: true }).describe('ISO 8601 with an offset');
const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const user = z.object({
  id,
  role: z.enum(PARTIES),
  name: z.string(),
  email: z.string(),
  timezone: z.string().describe('IANA time zone'),
  createdAt: time,
  updatedAt: time,
});

export const me = z.object({
  id,
  role: z.enum(PARTIES),
  name: z.string(),
  email: z.string(),
  timezone: z.string().describe('IANA time zone'),
  balance: z.int().optional().describe('Credits; only for a client'),
});

export const coach = z.object({ id, name: z.string(), email: z.string(), timezone: z.string() });

export const client = z.object({
  id,
  name: z.string(),
  email: z.string(),
  timezone: z.string().describe('IANA time zone'),
});

export const credits = z.object({
  balance: z.int(),
  ledger: z.array(
    z.object({
      id,
      delta: z.int(),
      reason: z.enum(['grant', 'booking_charge', 'refund']),
      inviteId: id.nullable(),
      sessionId: id.nullable(),
      createdAt: time,
    }),
  ),
});

export const invite = z.object({
  id,
  kind: z.enum(INVITE_KINDS),
  coachId: id,
  clientId: id,
  sessionId: id.nullable(),
  startsAt: time,
  endsAt: time,
  creditCost: z.int(),
  message: z.string().nullable(),
  status: z.enum(INVITE_STATUSES),
  expiresAt: time,
  createdAt: time,
  respondedAt: time.nullable(),
  declineReason: z.string().nullable(),
  workflowId: z.string(),
});

export const cancellationTerms = z
  .object({
    refundedCredits: z.int().describe('What cancelling now gives back to the client'),
    refundUntil: time
      .nullable()
      .describe('After this a client’s cancellation refunds nothing; null for the coach'),
  })
  .nullable()
  .describe(
    'What cancelling now would refund, for the caller’s side; null when it cannot be cancelled',
  );

export const session = z.object({
  id,
  coachId: id,
  clientId: id,
  startsAt: time,
  endsAt: time,
  status: z.enum(SESSION_STATUSES),
  creditCost: z.int(),
  inviteId: id,
  questionnaire: z.object({ status: z.enum(QUESTIONNAIRE_STATUSES), submittedAt: time.nullable() }),
  cancellation: z.object({ by: z.enum(PARTIES), at: time, refundedCredits: z.int() }).nullable(),
  cancellationTerms,
});

export const question = z.object({
  id: z.string(),
  label: z.string(),
  kind: z.enum(QUESTION_KINDS).describe('scale: a whole number from 1 to 5'),
  options: z.array(z.string()).optional().describe('The choices of a choice question'),
  required: z.boolean(),
});

const answerValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.null()]);

export const questionnaire = z.object({
  status: z.enum(QUESTIONNAIRE_STATUSES),
  questions: z.array(question).describe('The questions the session was booked with'),
  answers: z.record(z.string(), answerValue).nullable(),
  submittedAt: time.nullable(),
});

export const notification = z.object({
  id,
  type: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable().describe('The app page it is about (no sign-in token)'),
  createdAt: time,
  readAt: time.nullable(),
});

export const ANSWERS = {
  Health: z.object({ status: z.literal('ok') }),
  Readiness: z.object({
    status: z.enum(['ready', 'unavailable']),
    checks: z.object({ postgres: z.boolean(), temporal: z.boolean() }),
  }),
  User: user,
  Me: me,
  Coach: coach,
  Assignment: z.object({ coachId: id, clientId: id }),
  Client: client,
  ClientPage: page(client),
  Balance: z.object({ balance: z.int() }),
  Credits: credits,
  Invite: invite,
  InvitePage: page(invite),
  Accepted: z.object({
    invite,
    session,
    next: z.object({ type: z.literal('questionnaire'), url: z.string() }),
  }),
  Declined: z.object({
    invite,
    next: z
      .object({ type: z.literal('rebook'), url: z.string().describe('BOOKING_URL for the coach') })
      .nullable(),
  }),
  Withdrawn: z.object({ invite }),
  Session: session,
  SessionPage: page(session),
  SessionCancelled: z.object({ session, refundedCredits: z.int() }),
  Questionnaire: questionnaire,
  QuestionSet: z.object({ questions: z.array(question) }),
  NotificationPage: page(notification).extend({ unreadCount: z.int() }),
  Notification: notification,
  OpenApi: z.object({ openapi: z.string() }).loose(),
  CalendarFeed: z.object({
    url: z.string().describe('The private feed address: APP_URL/calendar/<token>.ics'),
  }),
  WebhookEndpoint: webhooks.webhookEndpoint,
  CreatedWebhookEndpoint: webhooks.createdWebhookEndpoint,
  WebhookEndpointPage: page(webhooks.webhookEndpoint),
  WebhookDeliveryPage: page(webhooks.webhookDelivery),
  WebhookDelivery: webhooks.webhookDeliveryWithAttempts,
} as const;

export type AnswerName = keyof typeof ANSWERS;
