import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../src/temporal/dev-server.js';
import { eventually, startHarness, type Harness } from '../support/harness.js';
import { slot } from '../support/invites.js';
import { sample, scrape } from '../support/prometheus.js';
import { spawnService, workerEnv, type ServiceProcess } from '../support/service-process.js';

let h: Harness;
let worker: ServiceProcess | undefined;
beforeAll(async () => {
  h = await startHarness({ worker: false });
});
afterAll(async () => {
  worker?.child.kill('SIGKILL');
  await worker?.exitCode;
  await h.close();
});

describe('the worker process (npm run worker) and its metrics port', () => {
  it('serves the Temporal SDK metrics and counts invites refused before they opened', async () => {
    const port = await freePort();
    worker = spawnService('src/main/worker.ts', {
      ...workerEnv(h),
      WORKER_METRICS_PORT: String(port),
    });
    await worker.waitFor('worker polling');
    const coach = await h.createUser('coach');
    const client = await h.createUser('client', { credits: 1, coach });
    const wanted = slot(3);
    expect((await coach.api.post('/v1/invites', { clientId: client.id, ...wanted })).status).toBe(
      201,
    );
    const refused = await coach.api.post('/v1/invites', { clientId: client.id, ...wanted });
    expect(refused.body.code).toBe('slot_unavailable');

    const url = `http://127.0.0.1:${port}/metrics`;
    const text = await eventually(async () => {
      const current = await scrape(url);
      return current.includes('coach_invites_invites_rejected') && current;
    });
    // The SDK's own: workflow task latencies and the worker's slots.
    expect(text).toMatch(/^temporal_workflow_task_execution_latency_bucket\{/m);
    expect(
      sample(text, 'temporal_worker_task_slots_available', { worker_type: 'WorkflowWorker' }),
    ).toBeGreaterThan(0);
    expect(
      sample(text, 'coach_invites_invites_rejected', {
        activityType: 'holdSlot',
        reason: 'slot_unavailable',
      }),
    ).toBe(1);
  });
});
