import { count, sql } from 'drizzle-orm';
import type { Registry } from 'prom-client';
import type { Db } from '../db/client.js';
import { WEBHOOK_DELIVERY_STATUSES } from '../domain/webhook-events.js';
import { invites, webhookAttempts, webhookDeliveries } from '../db/schema.js';
import { histogramValues, registerCollected, type CollectedValue } from './custom-metric.js';
import { snapshotCache } from './snapshot-cache.js';

/** Time-to-answer buckets: a minute to two weeks (an invite waits 7 days by default). */
export const ANSWER_BUCKETS_SECONDS = [
  60,
  300,
  900,
  3600,
  6 * 3600,
  12 * 3600,
  86400,
  2 * 86400,
  3 * 86400,
  7 * 86400,
  14 * 86400,
] as const;

const FINAL_OUTCOMES = ['accepted', 'declined', 'expired', 'cancelled'] as const;
const ANSWERS = ['accepted', 'declined'] as const;

/** Seconds from an invite's sending (its `created_at`) to its answer. */
const answerSeconds = sql<number>`extract(epoch from ${invites.respondedAt} - ${invites.createdAt})`;

async function readInvites(db: Db) {
  return db
    .select({
      status: invites.status,
      count: count(),
      sum: sql<string>`coalesce(sum(${answerSeconds}), 0)`,
      buckets: sql<number[]>`array[${sql.join(
        ANSWER_BUCKETS_SECONDS.map(
          (le) => sql`(count(*) filter (where ${answerSeconds} <= ${sql.raw(String(le))}))::int`,
        ),
        sql`, `,
      )}]`,
    })
    .from(invites)
    .where(sql`${invites.status} <> 'pending'`)
    .groupBy(invites.status);
}

async function readWebhooks(db: Db) {
  const [deliveries, attempts] = await Promise.all([
    db
      .select({ status: webhookDeliveries.status, count: count() })
      .from(webhookDeliveries)
      .groupBy(webhookDeliveries.status),
    db
      .select({ succeeded: webhookAttempts.succeeded, count: count() })
      .from(webhookAttempts)
      .groupBy(webhookAttempts.succeeded),
  ]);
  return { deliveries, attempts };
}

async function readSnapshot(db: Db) {
  const [inviteRows, webhooks] = await Promise.all([readInvites(db), readWebhooks(db)]);
  return { inviteRows, ...webhooks };
}

/**
 * Invite outcomes, time to answer and webhook deliveries, read from PostgreSQL when scraped. The
 * database is the one place that knows them exactly whatever the number of API replicas and
 * workers, and across restarts; one snapshot serves scrapes a few seconds apart.
 */
export function registerDatabaseMetrics(registry: Registry, db: Db, maxAgeMs = 5_000): void {
  const cached = snapshotCache(() => readSnapshot(db), maxAgeMs);
  // PostgreSQL down must not take the request metrics with it: these series go missing instead,
  // and `coach_invites_database_metrics_up` says why.
  const snapshot = () => cached().catch(() => null);
  registerCollected(registry, {
    name: 'coach_invites_database_metrics_up',
    help: '1 when the invite and webhook series could be read from PostgreSQL, else 0.',
    type: 'gauge',
    values: async () => [{ labels: {}, value: (await snapshot()) ? 1 : 0 }],
  });
  registerCollected(registry, {
    name: 'coach_invites_invite_outcomes_total',
    help: 'Invites that reached each final state (accepted, declined, expired, cancelled).',
    type: 'counter',
    values: async () => {
      const read = await snapshot();
      if (!read) return [];
      return FINAL_OUTCOMES.map((outcome) => ({
        labels: { outcome },
        value: read.inviteRows.find((row) => row.status === outcome)?.count ?? 0,
      }));
    },
  });
  registerCollected(registry, {
    name: 'coach_invites_invite_answer_seconds',
    help: 'Time from an invite being sent to the client accepting or declining it.',
    type: 'histogram',
    values: async () => {
      const inviteRows = (await snapshot())?.inviteRows;
      if (!inviteRows) return [];
      return ANSWERS.flatMap((outcome) => {
        const row = inviteRows.find((candidate) => candidate.status === outcome);
        const name = 'coach_invites_invite_answer_seconds';
        const buckets = row?.buckets ?? [];
        return histogramValues(
          name,
          { outcome },
          ANSWER_BUCKETS_SECONDS,
          buckets,
          Number(row?.sum ?? 0),
          row?.count ?? 0,
        );
      });
    },
  });
  registerWebhookMetrics(registry, snapshot);
}

function registerWebhookMetrics(
  registry: Registry,
  snapshot: () => Promise<Awaited<ReturnType<typeof readSnapshot>> | null>,
): void {
  registerCollected(registry, {
    name: 'coach_invites_webhook_deliveries',
    help: 'Webhook deliveries (one per event and endpoint) by status: pending, succeeded, failed.',
    type: 'gauge',
    values: async (): Promise<CollectedValue[]> => {
      const deliveries = (await snapshot())?.deliveries;
      if (!deliveries) return [];
      return WEBHOOK_DELIVERY_STATUSES.map((status) => ({
        labels: { status },
        value: deliveries.find((row) => row.status === status)?.count ?? 0,
      }));
    },
  });
  registerCollected(registry, {
    name: 'coach_invites_webhook_delivery_attempts_total',
    help: 'Webhook delivery attempts (POSTs) by result: succeeded (a 2xx) or failed.',
    type: 'counter',
    values: async () => {
      const attempts = (await snapshot())?.attempts;
      if (!attempts) return [];
      return (['succeeded', 'failed'] as const).map((result) => ({
        labels: { result },
        value: attempts.find((row) => row.succeeded === (result === 'succeeded'))?.count ?? 0,
      }));
    },
  });
}
