import { pino } from 'pino';
import { WEBHOOK_EVENT_TYPES } from '../../src/domain/webhook-events.js';
import { startWebhookRelay } from '../../src/webhooks/relay.js';
import type { Harness } from './harness.js';
import { startWebhookReceiver } from './webhook-receiver.js';

/** The worker's relay for a harness (whose in-process worker has none), polling briskly. */
export function startRelay(h: Harness) {
  return startWebhookRelay({
    db: h.db,
    client: h.temporal.client,
    taskQueue: h.config.taskQueue,
    schedule: h.config.webhooks.retry,
    intervalMs: 100,
    logger: pino({ level: 'silent' }),
  });
}

/** A receiver registered as an endpoint by the operator, with its secret in hand. */
export async function registeredReceiver(h: Harness, events: string[] = [...WEBHOOK_EVENT_TYPES]) {
  const receiver = await startWebhookReceiver();
  const created = await h.operator.post('/v1/webhooks', { url: receiver.url, events });
  if (created.status !== 201)
    throw new Error(`could not register: ${JSON.stringify(created.body)}`);
  receiver.useSecret(created.body.secret);
  return { receiver, endpoint: created.body as { id: string; secret: string } };
}

/** A coach and a client of theirs with credits (assigned where the service knows assignments). */
export async function coachAndClient(h: Harness, credits = 5) {
  const coach = await h.createUser('coach');
  const client = await h.createUser('client', { credits });
  const assign = (h as any).assign as undefined | ((c: unknown, k: unknown) => Promise<void>);
  await assign?.(coach, client);
  return { coach, client };
}
