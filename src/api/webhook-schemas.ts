import { z } from 'zod';
import { WEBHOOK_DELIVERY_STATUSES, WEBHOOK_EVENT_TYPES } from '../domain/webhook-events.js';
import { pageQuery } from './paging.js';

/** Requests and answers of the webhook routes; the OpenAPI document is built from these. */
const url = z
  .url({ protocol: /^https?$/, normalize: true })
  .max(2_000)
  .describe('http(s); with NODE_ENV=production only https to public addresses');
const events = z
  .array(z.enum(WEBHOOK_EVENT_TYPES))
  .min(1)
  .max(WEBHOOK_EVENT_TYPES.length)
  .transform((types) => [...new Set(types)]);
const description = z.string().trim().max(500);

export const createWebhookBody = z
  .object({ url, events, description: description.optional() })
  .strict();

export const updateWebhookBody = z
  .object({
    url: url.optional(),
    events: events.optional(),
    enabled: z.boolean().optional(),
    description: description.nullable().optional(),
  })
  .strict();

export const webhookListQuery = z.object({ ...pageQuery }).strict();

export const deliveryParams = z.object({ id: z.uuid(), deliveryId: z.uuid() }).strict();

const time = z.iso.datetime({ offset: true }).describe('ISO 8601 with an offset');

export const webhookEndpoint = z.object({
  id: z.uuid(),
  url: z.string(),
  events: z.array(z.enum(WEBHOOK_EVENT_TYPES)),
  description: z.string().nullable(),
  enabled: z.boolean(),
  createdAt: time,
});

export const createdWebhookEndpoint = webhookEndpoint.extend({
  secret: z
    .string()
    .describe(
      '`whsec_` and base64: verify deliveries with it (Standard Webhooks); shown only here',
    ),
});

export const webhookDelivery = z.object({
  id: z.uuid(),
  eventId: z.uuid().describe('The `webhook-id` header of every attempt'),
  type: z.enum(WEBHOOK_EVENT_TYPES),
  status: z.enum(WEBHOOK_DELIVERY_STATUSES),
  attempts: z.int().describe('Attempts made, over every cycle'),
  lastStatusCode: z.int().nullable().describe('The last answer’s HTTP status; null: none came'),
  lastError: z.string().nullable(),
  nextAttemptAt: time.nullable(),
  createdAt: time,
});

export const webhookAttempt = z.object({
  cycle: z.int().describe('1, then one more per manual retry'),
  attempt: z.int(),
  succeeded: z.boolean(),
  statusCode: z.int().nullable(),
  durationMs: z.int(),
  error: z.string().nullable(),
  at: time,
});

export const webhookDeliveryWithAttempts = webhookDelivery.extend({
  attemptLog: z.array(webhookAttempt).describe('The latest 50 attempts, latest first'),
});
