import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import proto from '@temporalio/proto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { eventually, startHarness, TEST_SECRET, type Harness } from '../support/harness.js';
import { emailsOf, inviteRow, slot, workflowResult } from '../support/invites.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
let h: Harness;
let worker: ChildProcess | undefined;

beforeAll(async () => {
  h = await startHarness({ worker: false });
});
afterAll(async () => {
  worker?.kill('SIGKILL');
  await h.close();
});

/** `npm run worker` as its own process, on this file's database, task queue and fake Resend. */
function startWorkerProcess(): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'src/main/worker.ts'], {
    cwd: root,
    stdio: 'ignore',
    env: {
      ...process.env,
      DATABASE_URL: h.database.url,
      TEMPORAL_ADDRESS: inject('temporalAddress'),
      TEMPORAL_TASK_QUEUE: h.config.taskQueue,
      AUTH_JWT_SECRET: TEST_SECRET,
      RESEND_API_KEY: 're_test_key',
      RESEND_BASE_URL: h.resend.url,
      APP_URL: h.config.appUrl,
      LOG_LEVEL: 'warn',
    },
  });
}

const workflowPollers = async () =>
  (
    await h.temporal.client.workflowService.describeTaskQueue({
      namespace: h.config.temporalNamespace,
      taskQueue: { name: h.config.taskQueue },
      taskQueueType: proto.temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
    })
  ).pollers?.length ?? 0;

describe('a worker process killed mid-lifecycle', () => {
  it('leaves the invite to finish right on a new worker, with nothing doubled', async () => {
    const coach = await h.createUser('coach');
    const client = await h.createUser('client', { credits: 2, coach });
    worker = startWorkerProcess();
    // Its start (bundling the workflows) can outlast the API's wait for the slot under load.
    await eventually(async () => (await workflowPollers()) > 0, 90_000);
    const invite = (await coach.api.post('/v1/invites', { clientId: client.id, ...slot(3) })).body;
    expect(invite.status).toBe('pending');
    await eventually(
      async () => (await emailsOf(h, 'invite_sent', client.id))[0]?.status === 'sent',
    );

    await h.temporal.client.workflow.getHandle(invite.workflowId).signal('accept');
    worker.kill('SIGKILL');
    await new Promise((resolve) => worker!.once('exit', resolve));

    await h.startWorker();
    expect(await workflowResult(h, invite.id)).toMatchObject({ status: 'accepted' });
    expect((await inviteRow(h, invite.id))?.status).toBe('accepted');
    const { balance, ledger } = (await client.api.get('/v1/credits')).body;
    expect(balance).toBe(1);
    expect(
      ledger.filter((entry: { reason: string }) => entry.reason === 'booking_charge'),
    ).toHaveLength(1);
    expect((await client.api.get('/v1/sessions')).body.items).toHaveLength(1);
    expect(h.resend.deliveredTo(client.email).map((email) => email.idempotencyKey)).toEqual([
      `invite_sent:${invite.id}:${client.id}`,
      `invite_accepted:${invite.id}:${client.id}`,
    ]);
  });
});
