import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startHarness, type Harness } from '../support/harness.js';
import { spawnService, workerEnv, type ServiceProcess } from '../support/service-process.js';
import { slot } from '../support/invites.js';
import type { WebhookReceiver } from '../support/webhook-receiver.js';
import { coachAndClient, registeredReceiver, startRelay } from '../support/webhooks.js';

let h: Harness;
let receiver: WebhookReceiver;
let endpointId: string;
const workers: ServiceProcess[] = [];
let relay: ReturnType<typeof startRelay> | undefined;

beforeAll(async () => {
  h = await startHarness({ worker: false });
  const registered = await registeredReceiver(h, ['invite.sent']);
  receiver = registered.receiver;
  endpointId = registered.endpoint.id;
});
afterAll(async () => {
  for (const worker of workers) worker.child.kill('SIGKILL');
  await relay?.stop();
  await receiver.close();
  await h.close();
});

/** `npm run worker` on this file's harness, once its webhook relay has made its first pass. */
async function startWorkerProcess(relayInterval: string): Promise<ServiceProcess> {
  const worker = spawnService('src/main/worker.ts', {
    ...workerEnv(h),
    WEBHOOK_RELAY_INTERVAL: relayInterval,
  });
  workers.push(worker);
  await worker.waitFor('webhook relay running');
  return worker;
}

describe('a worker process killed between a change and its delivery', () => {
  it('leaves the event in the outbox for the next worker, which delivers it once', async () => {
    // Its relay has passed once and waits an hour for the next pass: nothing is dispatched.
    const first = await startWorkerProcess('1h');
    const { coach, client } = await coachAndClient(h);
    const invite = (await coach.api.post('/v1/invites', { clientId: client.id, ...slot(3) })).body;
    expect(invite.status).toBe('pending');
    first.child.kill('SIGKILL');
    await first.exitCode;
    const waiting = (await h.operator.get(`/v1/webhooks/${endpointId}/deliveries`)).body.items;
    expect(waiting).toMatchObject([{ status: 'pending', attempts: 0, type: 'invite.sent' }]);
    expect(receiver.received).toEqual([]);

    // The next worker (here in this process, with its relay) finds the delivery waiting.
    await h.startWorker();
    relay = startRelay(h);
    const hooks = await eventually(async () => {
      const arrived = receiver.of('invite.sent', invite.id);
      return arrived.length > 0 && arrived;
    });
    expect(hooks).toHaveLength(1);
    expect(hooks[0]!.body.data).toEqual(invite);
    expect(hooks[0]!.id).toBe(waiting[0].eventId);
  });
});
