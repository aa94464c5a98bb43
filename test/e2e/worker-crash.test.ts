import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startHarness, type Harness } from '../support/harness.js';
import { emailsOf, inviteRow, slot, workflowResult } from '../support/invites.js';
import { spawnService, workerEnv, type ServiceProcess } from '../support/service-process.js';

let h: Harness;
let worker: ServiceProcess | undefined;

beforeAll(async () => {
  h = await startHarness({ worker: false });
});
afterAll(async () => {
  worker?.child.kill('SIGKILL');
  await h.close();
});

describe('a worker process killed mid-lifecycle', () => {
  it('leaves the invite to finish right on a new worker, with nothing doubled', async () => {
    const coach = await h.createUser('coach');
    const client = await h.createUser('client', { credits: 2, coach });
    worker = spawnService('src/main/worker.ts', workerEnv(h));
    // Its start (bundling the workflows) can outlast the API's wait for the slot under load.
    await worker.waitFor('worker polling');
    const invite = (await coach.api.post('/v1/invites', { clientId: client.id, ...slot(3) })).body;
    expect(invite.status).toBe('pending');
    await eventually(
      async () => (await emailsOf(h, 'invite_sent', client.id))[0]?.status === 'sent',
    );

    await h.temporal.client.workflow.getHandle(invite.workflowId).signal('accept');
    worker.child.kill('SIGKILL');
    await worker.exitCode;

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
