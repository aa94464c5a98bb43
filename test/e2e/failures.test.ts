import { Context } from '@temporalio/activity';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities, type Activities } from '../../activities/index.js';
import { sessionWorkflowId } from '../../src/domain/workflow-ids.js';
import { eventually, startHarness, type Harness } from '../support/harness.js';
import {
  acceptFreshInvite,
  blockStatus,
  emailsOf,
  inviteRow,
  slot,
  workflowResult,
} from '../support/invites.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const sessionWorkflowStatus = async (sessionId: string) =>
  (await h.temporal.client.workflow.getHandle(sessionWorkflowId(sessionId)).describe()).status.name;

describe('exactly once under failure', () => {
  it('charges once when the acceptance activity is retried after it committed', async () => {
    const attempts: number[] = [];
    await h.stopWorker();
    await h.startWorker({
      acceptInvite: (async (input) => {
        const outcome = await h.realActivities.acceptInvite(input);
        attempts.push(Context.current().info.attempt);
        if (Context.current().info.attempt === 1) throw new Error('connection lost after commit');
        return outcome;
      }) satisfies Activities['acceptInvite'],
    });
    try {
      const { client, accepted } = await acceptFreshInvite(h, 3);
      expect(attempts).toEqual([1, 2]);
      const { balance, ledger } = (await client.api.get('/v1/credits')).body;
      expect(balance).toBe(1);
      expect(
        ledger.filter((entry: { reason: string }) => entry.reason === 'booking_charge'),
      ).toHaveLength(1);
      expect((await client.api.get('/v1/sessions')).body.items).toHaveLength(1);
      // Both attempts asked for the session's workflow; the second met the one already started.
      expect(await sessionWorkflowStatus(accepted.session.id)).toBe('RUNNING');
    } finally {
      await h.stopWorker();
      await h.startWorker();
    }
  });

  it('starts the session’s workflow on the retry when the acceptance failed between its commit and the start', async () => {
    let starts = 0;
    const { acceptInvite } = createActivities({
      ...h.activityDeps,
      startSessionWorkflow: async (session, policy) => {
        if (++starts === 1) throw new Error('Temporal unreachable');
        await h.activityDeps.startSessionWorkflow(session, policy);
      },
    });
    await h.stopWorker();
    await h.startWorker({ acceptInvite });
    try {
      const { client, accepted } = await acceptFreshInvite(h, 6);
      expect(starts).toBe(2);
      expect(await sessionWorkflowStatus(accepted.session.id)).toBe('RUNNING');
      expect((await client.api.get('/v1/credits')).body.balance).toBe(1);
    } finally {
      await h.stopWorker();
      await h.startWorker();
    }
  });

  it('finishes right with nothing doubled when the worker dies mid-lifecycle and comes back', async () => {
    const coach = await h.createUser('coach');
    const client = await h.createUser('client', { credits: 1, coach });
    const invite = (await coach.api.post('/v1/invites', { clientId: client.id, ...slot(4) })).body;
    await eventually(async () =>
      (await emailsOf(h, 'invite_sent', client.id)).some((email) => email.status === 'sent'),
    );

    await h.stopWorker();
    const handle = h.temporal.client.workflow.getHandle(invite.workflowId);
    await handle.signal('accept');
    expect((await inviteRow(h, invite.id))?.status).toBe('pending');
    await h.startWorker();

    expect(await workflowResult(h, invite.id)).toMatchObject({ status: 'accepted' });
    expect(await blockStatus(h, invite.id)).toBe('booked');
    expect(await emailsOf(h, 'invite_sent', client.id)).toHaveLength(1);
    expect(await emailsOf(h, 'invite_accepted', client.id)).toHaveLength(1);
    expect(h.resend.deliveredTo(client.email).map((email) => email.idempotencyKey)).toEqual([
      `invite_sent:${invite.id}:${client.id}`,
      `invite_accepted:${invite.id}:${client.id}`,
    ]);
    expect((await client.api.get('/v1/credits')).body.balance).toBe(0);
  });

  it('sends one email when Resend answers 500 and then 200', async () => {
    const coach = await h.createUser('coach');
    const client = await h.createUser('client', { coach });
    h.resend.failNext(500);
    const invite = (await coach.api.post('/v1/invites', { clientId: client.id, ...slot(5) })).body;
    const [row] = await eventually(async () => {
      const rows = await emailsOf(h, 'invite_sent', client.id);
      return rows[0]?.status === 'sent' ? rows : undefined;
    });
    expect(row?.attempts).toBe(2);
    const requests = h.resend.received.filter(
      (email) => email.idempotencyKey === `invite_sent:${invite.id}:${client.id}`,
    );
    expect(requests.map((request) => request.status)).toEqual([500, 200]);
    expect(h.resend.deliveredTo(client.email)).toHaveLength(1);
  });

  it('records a permanent rejection as failed and still books the session', async () => {
    const coach = await h.createUser('coach');
    const client = await h.createUser('client', { credits: 1, coach });
    h.resend.failNext(422);
    const invite = (await coach.api.post('/v1/invites', { clientId: client.id, ...slot(6) })).body;
    await eventually(
      async () => (await emailsOf(h, 'invite_sent', client.id))[0]?.status === 'failed',
    );
    expect((await client.api.post(`/v1/invites/${invite.id}/accept`, {})).status).toBe(200);
    expect(await workflowResult(h, invite.id)).toMatchObject({ status: 'accepted' });
  });
});
