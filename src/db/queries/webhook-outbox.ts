import { eq, sql, type SQL } from 'drizzle-orm';
import type { WebhookEventType } from '../../domain/webhook-events.js';
import type { InviteView, SessionView } from '../../domain/views.js';
import type { DbOrTx } from '../client.js';
import { utcParam } from '../columns.js';
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
  await recordWebhookEvents(tx, [event]);
}

/** Records several events (and their deliveries) in one statement, as `recordWebhookEvent` does each. */
export async function recordWebhookEvents(tx: DbOrTx, events: OutboxEvent[]): Promise<void> {
  await tx.execute(sql`with event as (${eventsInsert(events)}) ${DELIVERIES_INSERT}`);
}

/** One delivery per event just recorded and enabled endpoint subscribed to its type. */
const DELIVERIES_INSERT = sql`
    insert into webhook_deliveries (event_id, endpoint_id, created_at)
    select event.id, endpoint.id, event.occurred_at
    from event join webhook_endpoints endpoint
      on endpoint.enabled and event.type = any(endpoint.events)`;

/** The events, in the order given; `on conflict` leaves out a key recorded before. */
function eventsInsert(events: OutboxEvent[]): SQL {
  const rows = events.map(
    (event) =>
      sql`(${event.type}::webhook_event_type, ${event.key},
           ${JSON.stringify(asOperatorsSeeIt(event.data))}::jsonb,
           ${utcParam(event.at)})`,
  );
  return sql`
      insert into webhook_events (type, key, data, occurred_at)
      values ${sql.join(rows, sql`, `)}
      on conflict (key) do nothing
      returning id, type, occurred_at`;
}

/**
 * The same two inserts as common table expressions, `event` and `delivery`, for a statement that
 * makes the change itself too: the change, its events and their deliveries in one statement.
 */
export const outboxInserts = (events: OutboxEvent[]): SQL =>
  sql`event as (${eventsInsert(events)}), delivery as (${DELIVERIES_INSERT})`;

/**
 * The resource as an operator reads it from the API: a session's `cancellationTerms` are told per
 * caller and are null for operators, the platform's back office that webhooks serve.
 */
const asOperatorsSeeIt = (data: InviteView | SessionView) =>
  'questionnaire' in data ? { ...data, cancellationTerms: null } : data;

/** An invite's event, keyed by the invite and what happened to it. */
export const inviteEvent = (type: WebhookEventType, invite: InviteView, at: Date): OutboxEvent => ({
  type,
  key: `${type}:${invite.id}`,
  data: invite,
  at,
});

/** Records an invite's event, keyed by the invite and what happened to it. */
export const recordInviteEvent = (
  tx: DbOrTx,
  type: WebhookEventType,
  invite: InviteView,
  at: Date,
) => recordWebhookEvent(tx, inviteEvent(type, invite, at));

/** Removes an event that never happened (a discarded invite's `invite.sent`) and its deliveries. */
export async function forgetWebhookEvent(tx: DbOrTx, key: string): Promise<void> {
  await tx.delete(webhookEvents).where(eq(webhookEvents.key, key));
}
