import { and, asc, desc, eq, lt, sql } from 'drizzle-orm';
import type { WebhookDeliveryStatus, WebhookEventType } from '../../domain/webhook-events.js';
import type { DbOrTx } from '../client.js';
import { webhookAttempts, webhookDeliveries, webhookEndpoints, webhookEvents } from '../schema.js';
import { afterKey, pageOf, type Page, type PageRequest } from './pages.js';

/** A delivery as the API lists it. */
export interface WebhookDeliveryView {
  id: string;
  eventId: string;
  type: WebhookEventType;
  status: WebhookDeliveryStatus;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  createdAt: string;
}

const deliveryColumns = {
  id: webhookDeliveries.id,
  eventId: webhookDeliveries.eventId,
  type: webhookEvents.type,
  status: webhookDeliveries.status,
  attempts: webhookDeliveries.attempts,
  lastStatusCode: webhookDeliveries.lastStatusCode,
  lastError: webhookDeliveries.lastError,
  nextAttemptAt: webhookDeliveries.nextAttemptAt,
  createdAt: webhookDeliveries.createdAt,
};
type DeliveryRow = Omit<WebhookDeliveryView, 'nextAttemptAt' | 'createdAt'> & {
  nextAttemptAt: Date | null;
  createdAt: Date;
};

const toDeliveryView = (row: DeliveryRow): WebhookDeliveryView => ({
  ...row,
  nextAttemptAt: row.nextAttemptAt?.toISOString() ?? null,
  createdAt: row.createdAt.toISOString(),
});

/** A page of an endpoint's deliveries, newest first. */
export async function listWebhookDeliveries(
  db: DbOrTx,
  endpointId: string,
  page: PageRequest,
): Promise<Page<WebhookDeliveryView>> {
  const rows = await db
    .select(deliveryColumns)
    .from(webhookDeliveries)
    .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
    .where(
      and(
        eq(webhookDeliveries.endpointId, endpointId),
        afterKey(webhookDeliveries.createdAt, webhookDeliveries.id, page.after, 'desc'),
      ),
    )
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(page.limit + 1);
  return pageOf(rows, page.limit, (row) => ({ at: row.createdAt, id: row.id }), toDeliveryView);
}

/** One of an endpoint's deliveries. */
export async function findWebhookDelivery(db: DbOrTx, endpointId: string, deliveryId: string) {
  const [row] = await db
    .select(deliveryColumns)
    .from(webhookDeliveries)
    .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
    .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.endpointId, endpointId)));
  return row && toDeliveryView(row);
}

/** A delivery's attempts, latest first (at most `limit`). */
export async function listWebhookAttempts(db: DbOrTx, deliveryId: string, limit = 50) {
  const rows = await db
    .select({
      cycle: webhookAttempts.cycle,
      attempt: webhookAttempts.attempt,
      succeeded: webhookAttempts.succeeded,
      statusCode: webhookAttempts.statusCode,
      durationMs: webhookAttempts.durationMs,
      error: webhookAttempts.error,
      at: webhookAttempts.at,
    })
    .from(webhookAttempts)
    .where(eq(webhookAttempts.deliveryId, deliveryId))
    .orderBy(desc(webhookAttempts.at), desc(webhookAttempts.id))
    .limit(limit);
  return rows.map((row) => ({ ...row, at: row.at.toISOString() }));
}

/** What one attempt needs: the delivery's cycle, its event and its endpoint. */
export async function findDeliveryToAttempt(db: DbOrTx, deliveryId: string) {
  const [row] = await db
    .select({
      cycle: webhookDeliveries.cycle,
      status: webhookDeliveries.status,
      event: {
        id: webhookEvents.id,
        type: webhookEvents.type,
        data: webhookEvents.data,
        occurredAt: webhookEvents.occurredAt,
      },
      endpoint: {
        url: webhookEndpoints.url,
        secret: webhookEndpoints.secret,
        enabled: webhookEndpoints.enabled,
      },
    })
    .from(webhookDeliveries)
    .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(eq(webhookDeliveries.id, deliveryId));
  return row;
}

export interface AttemptRecord {
  deliveryId: string;
  cycle: number;
  attempt: number;
  succeeded: boolean;
  statusCode: number | null;
  durationMs: number;
  error: string | null;
  at: Date;
  nextAttemptAt: Date | null;
}

/** Records one attempt and what it says of the delivery, for the cycle still current only. */
export async function recordWebhookAttempt(db: DbOrTx, record: AttemptRecord): Promise<void> {
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(webhookDeliveries)
      .set({
        status: record.succeeded ? 'succeeded' : 'pending',
        attempts: sql`${webhookDeliveries.attempts} + 1`,
        lastStatusCode: record.statusCode,
        lastError: record.error,
        nextAttemptAt: record.succeeded ? null : record.nextAttemptAt,
      })
      .where(
        and(eq(webhookDeliveries.id, record.deliveryId), eq(webhookDeliveries.cycle, record.cycle)),
      )
      .returning({ id: webhookDeliveries.id });
    if (updated.length === 0) return;
    await tx.insert(webhookAttempts).values({
      deliveryId: record.deliveryId,
      cycle: record.cycle,
      attempt: record.attempt,
      succeeded: record.succeeded,
      statusCode: record.statusCode,
      durationMs: record.durationMs,
      error: record.error,
      at: record.at,
    });
  });
}

/** The cycle's attempts are over: the delivery is `failed` until an operator retries it. */
export async function markWebhookDeliveryFailed(
  db: DbOrTx,
  input: { deliveryId: string; cycle: number; error?: string },
): Promise<void> {
  await db
    .update(webhookDeliveries)
    .set({
      status: 'failed',
      nextAttemptAt: null,
      ...(input.error ? { lastError: input.error } : {}),
    })
    .where(
      and(
        eq(webhookDeliveries.id, input.deliveryId),
        eq(webhookDeliveries.cycle, input.cycle),
        eq(webhookDeliveries.status, 'pending'),
      ),
    );
}

/** Starts a new attempt cycle for an endpoint's delivery; false when it has no such delivery. */
export async function requestWebhookRetry(
  db: DbOrTx,
  input: { endpointId: string; deliveryId: string },
): Promise<boolean> {
  const updated = await db
    .update(webhookDeliveries)
    .set({ status: 'pending', cycle: sql`${webhookDeliveries.cycle} + 1`, nextAttemptAt: null })
    .where(
      and(
        eq(webhookDeliveries.id, input.deliveryId),
        eq(webhookDeliveries.endpointId, input.endpointId),
      ),
    )
    .returning({ id: webhookDeliveries.id });
  return updated.length > 0;
}

/** Cycles waiting for their workflow, oldest first. */
export async function undispatchedDeliveries(db: DbOrTx, limit: number) {
  return db
    .select({ id: webhookDeliveries.id, cycle: webhookDeliveries.cycle })
    .from(webhookDeliveries)
    .where(lt(webhookDeliveries.dispatchedCycle, webhookDeliveries.cycle))
    .orderBy(asc(webhookDeliveries.createdAt))
    .limit(limit);
}

/** The cycle's workflow exists: the relay passes it by from now on. */
export async function markDispatched(db: DbOrTx, input: { id: string; cycle: number }) {
  await db
    .update(webhookDeliveries)
    .set({ dispatchedCycle: input.cycle })
    .where(
      and(eq(webhookDeliveries.id, input.id), lt(webhookDeliveries.dispatchedCycle, input.cycle)),
    );
}
