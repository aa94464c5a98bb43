import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webhookDeliveryWorkflowId } from '../../src/domain/webhook-events.js';
import { relayPass } from '../../src/webhooks/relay.js';
import { eventually, startHarness, type Harness } from '../support/harness.js';
import { slot } from '../support/invites.js';
import type { WebhookReceiver } from '../support/webhook-receiver.js';
import { coachAndClient, registeredReceiver, startRelay } from '../support/webhooks.js';

let h: Harness;
let relay: ReturnType<typeof startRelay> | undefined;
let receiver: WebhookReceiver;
let endpointId: string;
let hour = 0;

beforeAll(async () => {
  h = await startHarness({ env: { WEBHOOK_RETRY_INITIAL: '200ms', WEBHOOK_RETRY_MAX: '400ms' } });
  const registered = await registeredReceiver(h, ['invite.sent']);
  receiver = registered.receiver;
  endpointId = registered.endpoint.id;
  relay = startRelay(h);
});
afterAll(async () => {
  await relay?.stop();
  await receiver.close();
  await h.close();
});

/** A change: a new invite, whose `invite.sent` goes to the receiver. */
async function sendInvite() {
  const { coach, client } = await coachAndClient(h);
  const sent = await coach.api.post('/v1/invites', { clientId: client.id, ...slot(2, hour++) });
  expect(sent.status).toBe(201);
  return sent.body as { id: string };
}

const deliveries = async () =>
  (await h.operator.get(`/v1/webhooks/${endpointId}/deliveries`)).body.items as any[];
const deliveryOf = async (inviteId: string) => {
  const hook = await eventually(async () => receiver.of('invite.sent', inviteId)[0]);
  return (await deliveries()).find((delivery) => delivery.eventId === hook.id);
};

describe('webhook deliveries that fail', () => {
  it('are retried with the same webhook-id until a 2xx, each attempt recorded', async () => {
    receiver.answerWith(500, 503);
    const invite = await sendInvite();
    const hooks = await eventually(async () => {
      const arrived = receiver.of('invite.sent', invite.id);
      return arrived.length === 3 && arrived;
    });
    expect(hooks.map((hook) => hook.status)).toEqual([500, 503, 200]);
    expect(new Set(hooks.map((hook) => hook.id)).size).toBe(1);
    const delivery = await eventually(async () => {
      const found = await deliveryOf(invite.id);
      return found?.status === 'succeeded' && found;
    });
    expect(delivery).toMatchObject({ attempts: 3, lastStatusCode: 200, nextAttemptAt: null });
    const detail = await h.operator.get(`/v1/webhooks/${endpointId}/deliveries/${delivery.id}`);
    expect(detail.body.attemptLog.map((attempt: any) => attempt.statusCode)).toEqual([
      200, 503, 500,
    ]);
    expect(detail.body.attemptLog[2]).toMatchObject({ succeeded: false, error: 'answered 500' });
  });

  it('reach a receiver that was down once it is back, each once', async () => {
    await receiver.down();
    const invites = [await sendInvite(), await sendInvite()];
    // Both have failed at least twice (connection refused) before the receiver comes back.
    await eventually(async () => {
      const waiting = await Promise.all(invites.map((invite) => pendingDeliveryOf(invite.id)));
      return waiting.every((delivery) => delivery && delivery.attempts >= 2);
    });
    await receiver.up();
    for (const invite of invites) {
      await eventually(async () => receiver.of('invite.sent', invite.id).length > 0);
      expect(receiver.of('invite.sent', invite.id)).toHaveLength(1);
    }
  });

  it('are sent again, same webhook-id, on a manual retry', async () => {
    const invite = await sendInvite();
    const first = await eventually(async () => {
      const found = await deliveryOf(invite.id);
      return found?.status === 'succeeded' && found;
    });
    const retried = await h.operator.post(
      `/v1/webhooks/${endpointId}/deliveries/${first.id}/retry`,
    );
    expect(retried.status).toBe(202);
    const hooks = await eventually(async () => {
      const arrived = receiver.of('invite.sent', invite.id);
      return arrived.length === 2 && arrived;
    });
    expect(hooks[1]!.id).toBe(hooks[0]!.id);
    const unknown = `/v1/webhooks/${endpointId}/deliveries/${crypto.randomUUID()}/retry`;
    expect((await h.operator.post(unknown)).status).toBe(404);
  });

  it('end failed when no 2xx comes within the retry window', async () => {
    await relay!.stop();
    relay = undefined;
    await receiver.down();
    const invite = await sendInvite();
    // This pass alone dispatches, with a window of 1.5 s (the file's relay is stopped).
    const schedule = { ...h.config.webhooks.retry, windowMs: 1_500 };
    const relayOptions = { db: h.db, client: h.temporal.client, taskQueue: h.config.taskQueue };
    await relayPass({ ...relayOptions, schedule });
    try {
      const failed = await eventually(async () => pendingDeliveryOf(invite.id, 'failed'));
      expect(failed.attempts).toBeGreaterThanOrEqual(1);
      expect(failed).toMatchObject({ lastStatusCode: null, nextAttemptAt: null });
      expect(failed.lastError).toMatch(/ECONNREFUSED/);
      expect(receiver.of('invite.sent', invite.id)).toEqual([]);
    } finally {
      await receiver.up();
      relay = startRelay(h);
    }
  });

  it('start each cycle’s workflow once, even when the relay died between start and mark', async () => {
    await relay!.stop();
    relay = undefined;
    const invite = await sendInvite();
    const waiting = await eventually(async () => pendingDeliveryOf(invite.id));
    const workflowId = webhookDeliveryWorkflowId(waiting.id, 1);
    // What a relay that crashed after starting the workflow leaves behind: a started, unmarked cycle.
    await h.temporal.client.workflow.start('webhookDeliveryWorkflow', {
      workflowId,
      taskQueue: h.config.taskQueue,
      args: [{ deliveryId: waiting.id, cycle: 1, schedule: h.config.webhooks.retry }],
    });
    const options = { db: h.db, client: h.temporal.client, taskQueue: h.config.taskQueue };
    await relayPass({ ...options, schedule: h.config.webhooks.retry });
    expect(await relayPass({ ...options, schedule: h.config.webhooks.retry })).toBe(0);
    expect(await h.temporal.client.workflow.getHandle(workflowId).result()).toBe('delivered');
    expect(receiver.of('invite.sent', invite.id)).toHaveLength(1);
    relay = startRelay(h);
  });

  it('are listed for operators only, paged', async () => {
    const { coach } = await coachAndClient(h);
    expect((await coach.api.get('/v1/webhooks')).status).toBe(403);
    expect((await coach.api.post('/v1/webhooks', { url: receiver.url, events: [] })).status).toBe(
      403,
    );
    const page = await h.operator.get(`/v1/webhooks/${endpointId}/deliveries?limit=2`);
    expect(page.body.items).toHaveLength(2);
    const next = await h.operator.get(
      `/v1/webhooks/${endpointId}/deliveries?limit=2&cursor=${page.body.nextCursor}`,
    );
    expect(next.body.items[0].id).not.toBe(page.body.items[1].id);
  });
});

/** The delivery of an invite's `invite.sent`, found through the outbox (it may not have arrived). */
async function pendingDeliveryOf(inviteId: string, status = 'pending') {
  // Reads the event's data to find the invite: the API lists deliveries by event id only.
  const rows = await h.db.execute(
    sql`select d.id from webhook_deliveries d
      join webhook_events e on e.id = d.event_id where e.data->>'id' = ${inviteId}`,
  );
  const id = (rows as unknown as { id: string }[])[0]?.id;
  const found = id ? (await deliveries()).find((delivery) => delivery.id === id) : undefined;
  return found?.status === status ? found : undefined;
}
