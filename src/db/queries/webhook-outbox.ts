import { eq, sql } from 'drizzle-orm';
import type { WebhookEventType } from '../../domain/webhook-events.js';
import type { InviteView, SessionView } from '../../domain/views.js';
import type { DbOrTx } from '../client.js';
import { webhookEvents } from '../schema.js';

export interface OutboxEvent {
  type: WebhookEventType;
  /** Names the change, so that recording it again (a retried activity) records nothing. */
  key: string;
  data: InviteView | SessionView;
  at: Date;
}

/**
 * Records an event in the caller's transaction and, in the same statement, one delivery per
 * enabled endpoint subscribed to its type: the change, its event and its deliveries commit or roll
 * back together. A key seen before records nothing.
 */
export async function recordWebhookEvent(tx: DbOrTx, event: OutboxEvent): Promise<void> {
  const data = asOperatorsSeeIt(event.data);
  await tx.execute(sql`
    with event as (
      insert into webhook_events (type, key, data, occurred_at)
      values (${event.type}::webhook_event_type, ${event.key}, ${JSON.stringify(data)}::jsonb,
              ${event.at.toISOString()}::timestamptz)
      on conflict (key) do nothing
      returning id, type
    )
    insert into webhook_deliveries (event_id, endpoint_id, created_at)
    select event.id, endpoint.id, ${event.at.toISOString()}::timestamptz
    from event join webhook_endpoints endpoint
      on endpoint.enabled and event.type = any(endpoint.events)`);
}

/**
 * The resource as an operator reads it from the API: a session's `cancellationTerms` are told per
 * caller and are null for operators, the platform's back office that webhooks serve.
 */
const asOperatorsSeeIt = (data: InviteView | SessionView) =>
  'questionnaire' in data ? { ...data, cancellationTerms: null } : data;

/** Records an invite's event, keyed by the invite and what happened to it. */
export const recordInviteEvent = (
  tx: DbOrTx,
  type: WebhookEventType,
  invite: InviteView,
  at: Date,
) => recordWebhookEvent(tx, { type, key: `${type}:${invite.id}`, data: invite, at });

/** Removes an event that never happened (a discarded invite's `invite.sent`) and its deliveries. */
export async function forgetWebhookEvent(tx: DbOrTx, key: string): Promise<void> {
  await tx.delete(webhookEvents).where(eq(webhookEvents.key, key));
}
