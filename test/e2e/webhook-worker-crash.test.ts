import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { eventually, startHarness, TEST_SECRET, type Harness } from '../support/harness.js';
import { slot } from '../support/invites.js';
import type { WebhookReceiver } from '../support/webhook-receiver.js';
import { coachAndClient, registeredReceiver, startRelay } from '../support/webhooks.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
let h: Harness;
let receiver: WebhookReceiver;
let endpointId: string;
const workers: ChildProcess[] = [];
let relay: ReturnType<typeof startRelay> | undefined;

beforeAll(async () => {
  h = await startHarness({ worker: false });
  const registered = await registeredReceiver(h, ['invite.sent']);
  receiver = registered.receiver;
  endpointId = registered.endpoint.id;
});
afterAll(async () => {
  for (const worker of workers) worker.kill('SIGKILL');
  await relay?.stop();
  await receiver.close();
  await h.close();
});

/**
 * `npm run worker` as its own process on this file's database and task queue; resolves once its
 * webhook relay has made its first pass (the worker logs it).
 */
async function startWorkerProcess(relayInterval: string): Promise<ChildProcess> {
  const worker = spawn(process.execPath, ['--import', 'tsx', 'src/main/worker.ts'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'ignore'],
    env: {
      ...process.env,
      DATABASE_URL: h.database.url,
      TEMPORAL_ADDRESS: inject('temporalAddress'),
      TEMPORAL_TASK_QUEUE: h.config.taskQueue,
      AUTH_JWT_SECRET: TEST_SECRET,
      RESEND_API_KEY: 're_test_key',
      RESEND_BASE_URL: h.resend.url,
      APP_URL: h.config.appUrl,
      WEBHOOK_RELAY_INTERVAL: relayInterval,
      LOG_LEVEL: 'info',
    },
  });
  workers.push(worker);
  let output = '';
  await new Promise<void>((resolve, reject) => {
    worker.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('webhook relay running')) resolve();
    });
    worker.once('exit', (code) => reject(new Error(`worker exited (${code})`)));
  });
  return worker;
}

describe('a worker process killed between a change and its delivery', () => {
  it('leaves the event in the outbox for the next worker, which delivers it once', async () => {
    // Its relay has passed once and waits an hour for the next pass: nothing is dispatched.
    const first = await startWorkerProcess('1h');
    const { coach, client } = await coachAndClient(h);
    const invite = (await coach.api.post('/v1/invites', { clientId: client.id, ...slot(3) })).body;
    expect(invite.status).toBe('pending');
    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));
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
