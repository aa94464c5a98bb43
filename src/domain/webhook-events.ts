/** What other systems may subscribe to: one event per change, named as api.md names them. */
export const WEBHOOK_EVENT_TYPES = [
  'invite.sent',
  'invite.accepted',
  'invite.declined',
  'invite.expired',
  'invite.cancelled',
  'session.booked',
  'session.rescheduled',
  'session.cancelled',
  'session.completed',
  'questionnaire.submitted',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'succeeded', 'failed'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

/** How a delivery's attempts are spaced and for how long they go on. */
export interface WebhookRetrySchedule {
  initialMs: number;
  maxMs: number;
  /** Attempts stop this long after the cycle began (3 days by default). */
  windowMs: number;
  /** One request's limit. */
  requestTimeoutMs: number;
}

export const WEBHOOK_BACKOFF_COEFFICIENT = 2;

/** The delay Temporal waits after failed attempt `attempt` (1-based), as its retry policy computes it. */
export function retryDelayMs(schedule: WebhookRetrySchedule, attempt: number): number {
  const grown = schedule.initialMs * WEBHOOK_BACKOFF_COEFFICIENT ** Math.max(0, attempt - 1);
  return Math.min(grown, schedule.maxMs);
}

/**
 * One workflow per delivery and attempt cycle: the first cycle is `webhook-delivery-<id>`, a
 * manual retry's cycle n is `webhook-delivery-<id>-retry-<n-1>`. The id is never reused, so a
 * repeated start of the same cycle is refused and the cycle runs exactly once.
 */
export const webhookDeliveryWorkflowId = (deliveryId: string, cycle: number) =>
  cycle <= 1
    ? `webhook-delivery-${deliveryId}`
    : `webhook-delivery-${deliveryId}-retry-${cycle - 1}`;
