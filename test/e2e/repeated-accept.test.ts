import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startHarness, type Harness } from '../support/harness.js';
import { slot, workflowResult } from '../support/invites.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

async function invited(credits: number, hourOffset: number) {
  const coach = await h.createUser('coach');
  const client = await h.createUser('client', { credits, coach });
  const created = await coach.api.post('/v1/invites', {
    clientId: client.id,
    ...slot(3, hourOffset),
  });
  expect(created.status).toBe(201);
  return { coach, client, invite: created.body };
}

async function ledgerOf(client: Awaited<ReturnType<typeof invited>>['client']) {
  return (await client.api.get('/v1/credits')).body as {
    balance: number;
    ledger: { reason: string }[];
  };
}
const charges = (ledger: { reason: string }[]) =>
  ledger.filter((entry) => entry.reason === 'booking_charge');

/** Waits until the workflow runs nothing and waits only on timers, then counts its history events. */
async function settledHistoryLength(workflowId: string) {
  const handle = h.temporal.client.workflow.getHandle(workflowId);
  await eventually(async () => {
    const { raw } = await handle.describe();
    return !raw.pendingWorkflowTask && !raw.pendingActivities?.length;
  });
  return (await handle.fetchHistory()).events?.length ?? 0;
}

describe('repeated accepts', () => {
  it('answers 20 concurrent accepts of one invite with 200 and one session, charging once', async () => {
    const { client, invite } = await invited(3, 0);
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => client.api.post(`/v1/invites/${invite.id}/accept`, {})),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(20).fill(200));
    const sessionIds = new Set(answers.map((answer) => answer.body.session.id));
    expect(sessionIds.size).toBe(1);
    for (const answer of answers) {
      expect(answer.body.invite).toMatchObject({ id: invite.id, status: 'accepted' });
      expect(answer.body.next).toMatchObject({ type: 'questionnaire' });
    }
    const credits = await ledgerOf(client);
    expect(credits.balance).toBe(2);
    expect(charges(credits.ledger)).toHaveLength(1);
  });

  it('answers accepts sent while and after the workflow closes with the same session', async () => {
    const { client, invite } = await invited(3, 2);
    const handle = h.temporal.client.workflow.getHandle(invite.workflowId);
    const accept = () => client.api.post(`/v1/invites/${invite.id}/accept`, {});
    const answers = [accept()];
    // Keep accepting until the workflow has closed: some of these reach it as it finishes.
    while (answers.length < 50 && (await handle.describe()).status.name === 'RUNNING')
      answers.push(accept());
    await workflowResult(h, invite.id);
    answers.push(accept());

    const settled = await Promise.all(answers);
    expect(settled.map((answer) => answer.status)).toEqual(Array(settled.length).fill(200));
    expect(new Set(settled.map((answer) => answer.body.session.id)).size).toBe(1);
    expect(charges((await ledgerOf(client)).ledger)).toHaveLength(1);
  });

  it('refuses accepts without enough credits before they reach the workflow', async () => {
    const { client, invite } = await invited(0, 4);
    const before = await settledHistoryLength(invite.workflowId);
    for (let attempt = 0; attempt < 3; attempt++) {
      const refused = await client.api.post(`/v1/invites/${invite.id}/accept`, {});
      expect(refused).toMatchObject({ status: 402, body: { code: 'insufficient_credits' } });
    }
    expect(await settledHistoryLength(invite.workflowId)).toBe(before);
    expect((await client.api.get(`/v1/invites/${invite.id}`)).body.status).toBe('pending');

    await h.operator.post(`/v1/users/${client.id}/credits`, { amount: 1 });
    const accepted = await client.api.post(`/v1/invites/${invite.id}/accept`, {});
    expect(accepted.status).toBe(200);
    expect((await ledgerOf(client)).balance).toBe(0);
  });
});
