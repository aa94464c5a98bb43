import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { ApplicationFailure } from '@temporalio/common';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.js';
import { slot, workflowResult } from '../support/invites.js';

/**
 * Histories of today's workflows; older generations stay in sibling folders so that workflows
 * still running on older code keep replaying.
 */
const dir = fileURLToPath(new URL('../fixtures/histories/current/', import.meta.url));

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ env: { INVITE_TTL: '3s', INVITE_REMINDER_BEFORE: '2s' } });
  mkdirSync(dir, { recursive: true });
});
afterAll(() => h.close());

async function save(name: string, workflowId: string) {
  const history = await h.temporal.client.workflow.getHandle(workflowId).fetchHistory();
  writeFileSync(`${dir}${name}.json`, historyToJSON(history));
}

it('records one history for each way an invite ends', async () => {
  const coach = await h.createUser('coach');
  const client = await h.createUser('client', { credits: 1, coach });

  const accepted = (await coach.api.post('/v1/invites', { clientId: client.id, ...slot(2, 0) }))
    .body;
  await client.api.post(`/v1/invites/${accepted.id}/accept`, {});
  await client.api.post(`/v1/invites/${accepted.id}/accept`, {});

  const broke = (await coach.api.post('/v1/invites', { clientId: client.id, ...slot(2, 2) })).body;
  expect((await client.api.post(`/v1/invites/${broke.id}/accept`, {})).status).toBe(402);
  await client.api.post(`/v1/invites/${broke.id}/decline`, { reason: 'no credits', rebook: true });

  const cancelled = (await coach.api.post('/v1/invites', { clientId: client.id, ...slot(2, 4) }))
    .body;
  await coach.api.post(`/v1/invites/${cancelled.id}/cancel`, {});

  const expired = (await coach.api.post('/v1/invites', { clientId: client.id, ...slot(2, 6) }))
    .body;
  await coach.api.post('/v1/invites', { clientId: client.id, ...slot(2, 6) });

  for (const [name, invite] of [
    ['accepted', accepted],
    ['insufficient-then-declined', broke],
    ['cancelled', cancelled],
    ['expired-after-reminder', expired],
  ] as const) {
    await workflowResult(h, invite.id);
    await save(`invite-${name}`, invite.workflowId);
  }
  const session = (await client.api.get('/v1/sessions')).body.items[0];
  await h.operator.post(`/v1/users/${client.id}/credits`, { amount: 2 });
  const moved = (await coach.api.post(`/v1/sessions/${session.id}/reschedule`, slot(3, 0))).body;
  await client.api.post(`/v1/invites/${moved.id}/accept`, {});
  const kept = (await coach.api.post(`/v1/sessions/${session.id}/reschedule`, slot(3, 2))).body;
  await client.api.post(`/v1/invites/${kept.id}/decline`, {});
  await client.api.put(`/v1/sessions/${session.id}/questionnaire`, { answers: { focus: 'goal' } });
  await client.api.post(`/v1/sessions/${session.id}/cancel`, { reason: 'recorded' });
  for (const [name, invite] of [
    ['reschedule-accepted', moved],
    ['reschedule-declined', kept],
  ] as const) {
    await workflowResult(h, invite.id);
    await save(`invite-${name}`, invite.workflowId);
  }
  await h.temporal.client.workflow.getHandle(`session-${session.id}`).result();
  await save('session-questionnaire-rescheduled-cancelled', `session-${session.id}`);

  const rejected: string[] = [];
  for await (const execution of h.temporal.client.workflow.list({
    query: `CoachId = "${coach.id}" AND InviteStatus = "rejected"`,
  })) {
    rejected.push(execution.workflowId);
  }
  expect(rejected).toHaveLength(1);
  await save('invite-rejected-slot-unavailable', rejected[0]!);

  await h.stopWorker();
  await h.startWorker({
    holdSlot: async (input) => {
      await h.realActivities.holdSlot(input);
      throw ApplicationFailure.create({ message: 'lost after commit', nonRetryable: true });
    },
  });
  const lost = await coach.api.post('/v1/invites', { clientId: client.id, ...slot(4, 0) });
  expect(lost.status).toBe(503);
  const discarded: string[] = [];
  for await (const execution of h.temporal.client.workflow.list({
    query: `CoachId = "${coach.id}" AND InviteStatus = "rejected"`,
  })) {
    discarded.push(execution.workflowId);
  }
  const discardedId = discarded.find((id) => id !== rejected[0]);
  expect(discardedId).toBeDefined();
  await h.temporal.client.workflow.getHandle(discardedId!).result();
  await save('invite-rejected-discarded-after-commit', discardedId!);
});
