import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { questionnaireSubmittedSignal, sessionStateQuery } from '../../workflows/messages.js';
import { buildInviteInput } from '../support/fixtures.js';
import { eventually, startHarness, type Harness } from '../support/harness.js';
import { acceptFreshInvite, workflowResult } from '../support/invites.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const DAY = 86_400_000;
const answers = { focus: 'Delegation' };

/** A session booked through the API, with its own session workflow. */
async function booked(daysAhead: number) {
  const { coach, client, invite, accepted } = await acceptFreshInvite(h, daysAhead);
  await workflowResult(h, invite.id);
  return { coach, client, session: accepted.session };
}

/** A session booked by the activities alone, as before sessions ran as workflows: it has none. */
async function bookedWithoutWorkflow() {
  const coach = await h.createUser('coach');
  const client = await h.createUser('client', { credits: 2, coach });
  const input = buildInviteInput({
    coachId: coach.id,
    clientId: client.id,
    sentAt: new Date(),
    startsInMs: 6 * DAY,
  });
  await h.realActivities.holdSlot(input);
  const accepted = await h.realActivities.acceptInvite({
    inviteId: input.inviteId,
    sessionId: randomUUID(),
  });
  if (!accepted.ok) throw new Error('could not book');
  return { coach, client, session: accepted.session };
}

const historyLength = async (workflowId: string) =>
  (await h.temporal.client.workflow.getHandle(workflowId).fetchHistory()).events?.length ?? 0;

describe('a session over a long life', () => {
  it('adds nothing to its workflow’s history when the same questionnaire is saved again', async () => {
    const { client, session } = await booked(5);
    const workflowId = `session-${session.id}`;
    const path = `/v1/sessions/${session.id}/questionnaire`;
    expect((await client.api.put(path, { answers })).status).toBe(200);
    const handle = h.temporal.client.workflow.getHandle(workflowId);
    expect((await handle.query(sessionStateQuery)).questionnaireSubmitted).toBe(true);
    const after = await historyLength(workflowId);
    for (let save = 0; save < 4; save++)
      expect((await client.api.put(path, { answers })).status).toBe(200);
    expect(await historyLength(workflowId)).toBe(after);
  });

  it('continues as new before its history grows large, keeping its state', async () => {
    const { client, session } = await booked(6);
    const handle = h.temporal.client.workflow.getHandle(`session-${session.id}`);
    const firstRun = (await handle.describe()).runId;
    const sent = async (count: number) =>
      Promise.all(Array.from({ length: count }, () => handle.signal(questionnaireSubmittedSignal)));
    const running = () => handle.describe();
    for (let batch = 0; batch < 60; batch++) {
      const { runId, historyLength } = await running();
      if (runId !== firstRun || historyLength > 2_100) break;
      await sent(50);
    }
    const current = await eventually(async () => {
      const described = await running();
      return described.runId !== firstRun && described;
    }, 30_000);
    expect(current.status.name).toBe('RUNNING');
    const firstHistory = await h.temporal.client.workflow
      .getHandle(handle.workflowId, firstRun)
      .fetchHistory();
    // Far below Temporal's own limits; signals that arrive while a busy worker hands over still count.
    expect(firstHistory.events!.length).toBeLessThan(10_000);
    expect(await handle.query(sessionStateQuery)).toMatchObject({
      status: 'booked',
      startsAt: session.startsAt,
      questionnaireSubmitted: true,
    });

    const cancelled = await client.api.post(`/v1/sessions/${session.id}/cancel`, {});
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.refundedCredits).toBe(1);
  }, 90_000);

  it('gives a session without a workflow one when it is cancelled', async () => {
    const { client, session } = await bookedWithoutWorkflow();
    const cancelled = await client.api.post(`/v1/sessions/${session.id}/cancel`, {});
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ refundedCredits: 1, session: { status: 'cancelled' } });
    const handle = h.temporal.client.workflow.getHandle(`session-${session.id}`);
    expect(await handle.result()).toBe('cancelled');
    expect((await client.api.get('/v1/credits')).body.balance).toBe(2);
  });

  it('gives a session without a workflow one when its questionnaire is submitted', async () => {
    const { client, session } = await bookedWithoutWorkflow();
    const saved = await client.api.put(`/v1/sessions/${session.id}/questionnaire`, { answers });
    expect(saved.status).toBe(200);
    const handle = h.temporal.client.workflow.getHandle(`session-${session.id}`);
    expect(await handle.query(sessionStateQuery)).toMatchObject({
      status: 'booked',
      questionnaireSubmitted: true,
      nextReminderAt: null,
    });
  });
});
