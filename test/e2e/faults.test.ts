import { ApplicationFailure } from '@temporalio/common';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Activities } from '../../activities/index.js';
import { calendarBlocks, invites } from '../../src/db/schema.js';
import { domainFailure } from '../../src/api/workflow-failures.js';
import { cancelSessionUpdate, cancelSignal, declineUpdate } from '../../workflows/messages.js';
import { eventually, startHarness, type Harness } from '../support/harness.js';
import { blockStatus, emailsOf, inviteRow, slot, workflowResult } from '../support/invites.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ env: { INVITE_TTL: '10s', INVITE_REMINDER_BEFORE: '6s' } });
});
afterAll(() => h.close());

/** Runs `work` with a worker whose activities are swapped, then puts the real worker back. */
async function withActivities(overrides: Partial<Activities>, work: () => Promise<void>) {
  await h.stopWorker();
  await h.startWorker(overrides);
  try {
    await work();
  } finally {
    await h.stopWorker();
    await h.startWorker();
  }
}

describe('invites and sessions under faults', () => {
  it('still reminds when no worker ran at the reminder moment', async () => {
    const coach = await h.createUser('coach');
    const client = await h.createUser('client', { coach });
    const invite = (await coach.api.post('/v1/invites', { clientId: client.id, ...slot(2) })).body;
    await h.stopWorker();
    const reminderAt = Date.parse(invite.expiresAt) - 6_000;
    await eventually(async () => Date.now() > reminderAt + 300, 10_000);
    await h.startWorker();

    expect(await workflowResult(h, invite.id)).toMatchObject({ status: 'expired' });
    expect(await emailsOf(h, 'invite_reminder', client.id)).toHaveLength(1);
    expect(await blockStatus(h, invite.id)).toBe('released');
  });

  it('leaves no held slot behind when holdSlot commits and then fails', async () => {
    const coach = await h.createUser('coach');
    const client = await h.createUser('client', { coach });
    const wanted = slot(3);
    await withActivities(
      {
        holdSlot: (async (input) => {
          await h.realActivities.holdSlot(input);
          throw ApplicationFailure.create({
            message: 'connection lost after commit',
            nonRetryable: true,
          });
        }) satisfies Activities['holdSlot'],
      },
      async () => {
        const refused = await coach.api.post('/v1/invites', { clientId: client.id, ...wanted });
        expect(refused.status).toBe(503);
      },
    );
    expect(await h.db.select().from(invites).where(eq(invites.coachId, coach.id))).toEqual([]);
    expect(
      await h.db.select().from(calendarBlocks).where(eq(calendarBlocks.coachId, coach.id)),
    ).toEqual([]);
    const retried = await coach.api.post('/v1/invites', { clientId: client.id, ...wanted });
    expect(retried.status).toBe(201);
  });

  it('answers at once when PostgreSQL refuses an answer’s data, and the invite still ends normally', async () => {
    const coach = await h.createUser('coach');
    const client = await h.createUser('client', { coach });
    const invite = (await coach.api.post('/v1/invites', { clientId: client.id, ...slot(4) })).body;
    const handle = h.temporal.client.workflow.getHandle(invite.workflowId);

    // Past the API's own checks, as an operator's tool could send it.
    const refused = await handle
      .executeUpdate(declineUpdate, { args: [{ reason: 'no\u0000thanks' }] })
      .catch((error: unknown) => error);
    expect(domainFailure(refused)).toBe('validation_failed');
    expect((await inviteRow(h, invite.id))?.status).toBe('pending');

    const declined = await client.api.post(`/v1/invites/${invite.id}/decline`, { reason: 'busy' });
    expect(declined.status).toBe(200);
    expect(await workflowResult(h, invite.id)).toMatchObject({ status: 'declined' });
    expect(await blockStatus(h, invite.id)).toBe('released');
  }, 30_000);

  it('answers at once when PostgreSQL refuses a session cancel’s data, and the session can still be cancelled', async () => {
    const coach = await h.createUser('coach');
    const client = await h.createUser('client', { credits: 1, coach });
    const invite = (await coach.api.post('/v1/invites', { clientId: client.id, ...slot(5) })).body;
    const { session } = (await client.api.post(`/v1/invites/${invite.id}/accept`, {})).body;
    const handle = h.temporal.client.workflow.getHandle(`session-${session.id}`);

    const refused = await handle
      .executeUpdate(cancelSessionUpdate, { args: [{ reason: 'sorry\u0000' }] })
      .catch((error: unknown) => error);
    expect(domainFailure(refused)).toBe('validation_failed');

    const cancelled = await coach.api.post(`/v1/sessions/${session.id}/cancel`, {});
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.refundedCredits).toBe(1);
  }, 30_000);

  it('lets a withdraw win over an opening that outlasted the invite’s expiry', async () => {
    const coach = await h.createUser('coach');
    const client = await h.createUser('client', { coach });
    await withActivities(
      {
        holdSlot: (async (input) => {
          await new Promise((resolve) =>
            setTimeout(resolve, Date.parse(input.expiresAt) - Date.now() + 500),
          );
          return h.realActivities.holdSlot(input);
        }) satisfies Activities['holdSlot'],
      },
      async () => {
        const creating = coach.api.post('/v1/invites', { clientId: client.id, ...slot(6) });
        const [execution] = await eventually(async () => {
          const found = [];
          for await (const run of h.temporal.client.workflow.list({
            query: `CoachId = "${coach.id}"`,
          }))
            found.push(run);
          return found.length > 0 && found;
        });
        const handle = h.temporal.client.workflow.getHandle(execution!.workflowId);
        await handle.signal(cancelSignal, { by: { role: 'operator' } });
        expect((await creating).status).toBe(201);
        expect(await handle.result()).toMatchObject({ status: 'cancelled' });
      },
    );
    const [invite] = await h.db.select().from(invites).where(eq(invites.coachId, coach.id));
    expect(invite?.status).toBe('cancelled');
    expect(await blockStatus(h, invite!.id)).toBe('released');
    // The client hears of the withdrawal only if it heard of the invite.
    const told = (await emailsOf(h, 'invite_sent', client.id)).length;
    expect((await emailsOf(h, 'invite_cancelled', client.id)).length).toBe(told);
  }, 40_000);
});
