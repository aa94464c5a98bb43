import { randomUUID } from 'node:crypto';
import { Context } from '@temporalio/activity';
import { DEFAULT_QUESTIONS } from '../../src/domain/questions.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Activities } from '../../activities/index.js';
import { eventually, startHarness, type Harness } from '../support/harness.js';
import { blockStatus, emailsOf, slot, workflowResult } from '../support/invites.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ env: { CANCELLATION_WINDOW: '24h' } });
});
afterAll(() => h.close());

/** A coach, a client with credits and an accepted session `daysAhead` days out. */
async function booked(daysAhead = 5, hourOffset = 0, credits = 3) {
  const coach = await h.createUser('coach', { name: 'Dana Coach' });
  const client = await h.createUser('client', { name: 'Casey Client', credits, coach });
  const invite = (
    await coach.api.post('/v1/invites', { clientId: client.id, ...slot(daysAhead, hourOffset) })
  ).body;
  const accepted = await client.api.post(`/v1/invites/${invite.id}/accept`, {});
  expect(accepted.status).toBe(200);
  await workflowResult(h, invite.id);
  return { coach, client, invite, session: accepted.body.session };
}
const balance = async (client: {
  api: { get: (path: string) => Promise<{ body: { balance: number } }> };
}) => (await client.api.get('/v1/credits')).body.balance;

describe('the session after acceptance', () => {
  it('runs as session-<id>, searchable by coach, client and status, with a state query', async () => {
    const { coach, session } = await booked(5, 1);
    const handle = h.temporal.client.workflow.getHandle(`session-${session.id}`);
    expect(await handle.query('state')).toMatchObject({
      status: 'booked',
      questionnaireSubmitted: false,
      nextReminderAt: expect.any(String),
    });
    const found = await eventually(async () => {
      const ids: string[] = [];
      for await (const run of h.temporal.client.workflow.list({
        query: `SessionStatus = "booked" AND CoachId = "${coach.id}"`,
      }))
        ids.push(run.workflowId);
      return ids.length ? ids : undefined;
    });
    expect(found).toEqual([`session-${session.id}`]);
  });

  it('lists sessions for its coach and client only, with status filters', async () => {
    const { coach, client, session } = await booked(5, 2);
    expect(
      (await client.api.get('/v1/sessions?status=booked')).body.items.map(
        (s: { id: string }) => s.id,
      ),
    ).toEqual([session.id]);
    expect((await coach.api.get('/v1/sessions?status=cancelled')).body.items).toEqual([]);
    const stranger = await h.createUser('client');
    expect((await stranger.api.get(`/v1/sessions/${session.id}`)).status).toBe(404);
    expect((await stranger.api.get(`/v1/sessions/${session.id}/questionnaire`)).status).toBe(404);
  });
});

describe('questionnaire', () => {
  it('is answered by the client, read by the coach, and stops reminders', async () => {
    const { coach, client, session } = await booked(5, 3);
    expect((await coach.api.get(`/v1/sessions/${session.id}/questionnaire`)).body).toEqual({
      status: 'pending',
      questions: DEFAULT_QUESTIONS,
      answers: null,
      submittedAt: null,
    });
    const answers = {
      focus: 'Prepare for a promotion talk',
      changes: 'A new manager',
    };
    const put = await client.api.put(`/v1/sessions/${session.id}/questionnaire`, { answers });
    expect(put).toMatchObject({
      status: 200,
      body: { status: 'submitted', answers, submittedAt: expect.any(String) },
    });
    expect((await coach.api.get(`/v1/sessions/${session.id}/questionnaire`)).body.answers).toEqual(
      answers,
    );
    expect(
      (await coach.api.put(`/v1/sessions/${session.id}/questionnaire`, { answers })).status,
    ).toBe(403);
    const state = await eventually(async () => {
      const current = await h.temporal.client.workflow
        .getHandle(`session-${session.id}`)
        .query<{ questionnaireSubmitted: boolean; nextReminderAt: string | null }>('state');
      return current.questionnaireSubmitted ? current : undefined;
    });
    expect(state.nextReminderAt).toBeNull();
    expect((await client.api.get(`/v1/sessions/${session.id}`)).body.questionnaire.status).toBe(
      'submitted',
    );
  });

  it('refuses answers of the wrong shape or size', async () => {
    const { client, session } = await booked(5, 4);
    for (const body of [
      {},
      { answers: 'text' },
      { answers: { nested: { deep: true } } },
      { answers: { long: 'x'.repeat(6_000) } },
      { answers: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`q${i}`, 'a'])) },
    ]) {
      expect(
        (await client.api.put(`/v1/sessions/${session.id}/questionnaire`, body)).body.code,
      ).toBe('validation_failed');
    }
  });
});

describe('cancellation policy', () => {
  it('refunds a client who cancels early, releases the slot and tells the coach', async () => {
    const { coach, client, invite, session } = await booked(5, 5);
    const cancelled = await client.api.post(`/v1/sessions/${session.id}/cancel`, {
      reason: 'Conference moved',
    });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({
      refundedCredits: 1,
      session: { status: 'cancelled', cancellation: { by: 'client', refundedCredits: 1 } },
    });
    expect(await balance(client)).toBe(3);
    expect(await blockStatus(h, invite.id)).toBe('released');
    expect(await h.temporal.client.workflow.getHandle(`session-${session.id}`).result()).toBe(
      'cancelled',
    );
    const toCoach = (await emailsOf(h, 'session_cancelled', coach.id))[0];
    expect(toCoach?.subject).toContain('Casey Client cancelled');
    expect(toCoach?.text).toContain('Conference moved');
    expect((await client.api.post(`/v1/sessions/${session.id}/cancel`, {})).body.code).toBe(
      'session_not_active',
    );
    expect(
      (
        await coach.api.post('/v1/invites', {
          clientId: client.id,
          startsAt: session.startsAt,
          endsAt: session.endsAt,
        })
      ).status,
    ).toBe(201);
  });

  it('refunds nothing when the client cancels inside the window', async () => {
    const start = new Date(Date.now() + 12 * 3_600_000);
    start.setUTCMinutes(0, 0, 0);
    const coach = await h.createUser('coach');
    const client = await h.createUser('client', { credits: 1, coach });
    const invite = (
      await coach.api.post('/v1/invites', {
        clientId: client.id,
        startsAt: start.toISOString(),
        endsAt: new Date(start.getTime() + 3_600_000).toISOString(),
      })
    ).body;
    const { session } = (await client.api.post(`/v1/invites/${invite.id}/accept`, {})).body;
    const cancelled = await client.api.post(`/v1/sessions/${session.id}/cancel`, {});
    expect(cancelled.body).toMatchObject({
      refundedCredits: 0,
      session: { cancellation: { by: 'client', refundedCredits: 0 } },
    });
    expect(await balance(client)).toBe(0);
    await h.temporal.client.workflow.getHandle(`session-${session.id}`).result();
    expect((await emailsOf(h, 'session_cancelled', client.id))[0]?.text).toMatch(
      /too close to the start/,
    );
  });

  it('always refunds in full when the coach cancels, and tells the client and the coach', async () => {
    const { coach, client, session } = await booked(5, 6);
    const cancelled = await coach.api.post(`/v1/sessions/${session.id}/cancel`, {});
    expect(cancelled.body).toMatchObject({
      refundedCredits: 1,
      session: { cancellation: { by: 'coach' } },
    });
    expect(await balance(client)).toBe(3);
    await h.temporal.client.workflow.getHandle(`session-${session.id}`).result();
    expect((await emailsOf(h, 'session_cancelled', client.id))[0]?.text).toContain(
      '1 credit went back',
    );
    const toCoach = await emailsOf(h, 'session_cancelled', coach.id);
    expect(toCoach).toHaveLength(1);
    expect(toCoach[0]?.text).toContain('You cancelled your session with');
  });

  it('is only for the session’s own coach and client', async () => {
    const { session } = await booked(5, 7);
    const otherCoach = await h.createUser('coach');
    expect((await otherCoach.api.post(`/v1/sessions/${session.id}/cancel`, {})).status).toBe(404);
    expect((await h.operator.post(`/v1/sessions/${session.id}/cancel`, {})).status).toBe(403);
    expect((await otherCoach.api.post(`/v1/sessions/${randomUUID()}/cancel`, {})).status).toBe(404);
  });

  it('refunds once when the refund is retried after it committed', async () => {
    const attempts: number[] = [];
    await h.stopWorker();
    await h.startWorker({
      cancelSession: (async (input) => {
        const outcome = await h.realActivities.cancelSession(input);
        attempts.push(Context.current().info.attempt);
        if (Context.current().info.attempt === 1) throw new Error('connection lost after commit');
        return outcome;
      }) satisfies Activities['cancelSession'],
    });
    try {
      const { client, session } = await booked(5, 8);
      const cancelled = await client.api.post(`/v1/sessions/${session.id}/cancel`, {});
      expect(cancelled.body.refundedCredits).toBe(1);
      expect(attempts).toEqual([1, 2]);
      const { balance: after, ledger } = (await client.api.get('/v1/credits')).body;
      expect(after).toBe(3);
      expect(ledger.filter((entry: { reason: string }) => entry.reason === 'refund')).toHaveLength(
        1,
      );
    } finally {
      await h.stopWorker();
      await h.startWorker();
    }
  });
});

describe('reschedule invites', () => {
  it('moves the session on acceptance, releases the old slot and changes no credits', async () => {
    const { coach, client, invite, session } = await booked(6, 0);
    const newSlot = slot(7, 0);
    const created = await coach.api.post(`/v1/sessions/${session.id}/reschedule`, {
      ...newSlot,
      message: 'Can we move?',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      kind: 'reschedule',
      sessionId: session.id,
      status: 'pending',
      creditCost: 0,
      expiresAt: session.startsAt,
    });
    const proposal = created.body;
    expect(await blockStatus(h, proposal.id)).toBe('held');
    expect(
      (await coach.api.post(`/v1/sessions/${session.id}/reschedule`, slot(7, 2))).body.code,
    ).toBe('reschedule_pending');

    const accepted = await client.api.post(`/v1/invites/${proposal.id}/accept`, {});
    expect(accepted.body.session).toMatchObject({
      id: session.id,
      startsAt: newSlot.startsAt,
      endsAt: newSlot.endsAt,
      status: 'booked',
    });
    expect(await blockStatus(h, invite.id)).toBe('released');
    expect(await blockStatus(h, proposal.id)).toBe('booked');
    expect(await balance(client)).toBe(2);
    await workflowResult(h, proposal.id);
    expect(
      (await emailsOf(h, 'invite_accepted', client.id)).find((e) =>
        e.idempotencyKey.includes(proposal.id),
      )?.subject,
    ).toContain('has moved');
    const state = await h.temporal.client.workflow
      .getHandle(`session-${session.id}`)
      .query<{ startsAt: string }>('state');
    expect(state.startsAt).toBe(newSlot.startsAt);
  });

  it('keeps the original time when declined, and the new slot is free again', async () => {
    const { coach, client, session } = await booked(6, 2);
    const newSlot = slot(8, 2);
    const proposal = (await coach.api.post(`/v1/sessions/${session.id}/reschedule`, newSlot)).body;
    const declined = await client.api.post(`/v1/invites/${proposal.id}/decline`, {});
    expect(declined.body.invite.status).toBe('declined');
    expect((await client.api.get(`/v1/sessions/${session.id}`)).body).toMatchObject({
      startsAt: session.startsAt,
      status: 'booked',
    });
    expect(await blockStatus(h, proposal.id)).toBe('released');
    await workflowResult(h, proposal.id);
    expect((await emailsOf(h, 'invite_declined', client.id))[0]?.text).toContain('stays booked');
    expect((await coach.api.post(`/v1/sessions/${session.id}/reschedule`, newSlot)).status).toBe(
      201,
    );
    expect(await balance(client)).toBe(2);
  });

  it('may overlap the session’s own slot but nothing else of the coach’s', async () => {
    const { coach, client, session } = await booked(6, 4);
    const other = (await coach.api.post('/v1/invites', { clientId: client.id, ...slot(6, 6) }))
      .body;
    const onOther = await coach.api.post(`/v1/sessions/${session.id}/reschedule`, {
      startsAt: other.startsAt,
      endsAt: other.endsAt,
    });
    expect(onOther.body.code).toBe('slot_unavailable');
    const half = new Date(Date.parse(session.startsAt) + 30 * 60_000);
    const overlapOwn = await coach.api.post(`/v1/sessions/${session.id}/reschedule`, {
      startsAt: half.toISOString(),
      endsAt: new Date(half.getTime() + 3_600_000).toISOString(),
    });
    expect(overlapOwn.status).toBe(201);
  });

  it('is refused for inactive sessions, other coaches, clients and bad slots', async () => {
    const { coach, client, session } = await booked(6, 8);
    expect((await client.api.post(`/v1/sessions/${session.id}/reschedule`, slot(9))).status).toBe(
      403,
    );
    const otherCoach = await h.createUser('coach');
    expect(
      (await otherCoach.api.post(`/v1/sessions/${session.id}/reschedule`, slot(9))).status,
    ).toBe(404);
    expect(
      (await coach.api.post(`/v1/sessions/${session.id}/reschedule`, slot(-1))).body.code,
    ).toBe('invalid_slot');
    await coach.api.post(`/v1/sessions/${session.id}/cancel`, {});
    expect((await coach.api.post(`/v1/sessions/${session.id}/reschedule`, slot(9))).body.code).toBe(
      'session_not_active',
    );
  });

  it('is cancelled with its session', async () => {
    const { coach, client, session } = await booked(6, 10);
    const proposal = (await coach.api.post(`/v1/sessions/${session.id}/reschedule`, slot(9, 10)))
      .body;
    await client.api.post(`/v1/sessions/${session.id}/cancel`, {});
    expect(await workflowResult(h, proposal.id)).toMatchObject({ status: 'cancelled' });
    expect(await blockStatus(h, proposal.id)).toBe('released');
    // The session's cancellation email says it all; no "coach withdrew the proposal" as well.
    expect(await emailsOf(h, 'invite_cancelled', client.id)).toEqual([]);
    await h.temporal.client.workflow.getHandle(`session-${session.id}`).result();
    expect(await emailsOf(h, 'session_cancelled', coach.id)).toHaveLength(1);
  });

  it('ends consistently when a cancel races an accepted reschedule', async () => {
    for (let round = 0; round < 3; round++) {
      const { coach, client, invite, session } = await booked(10 + round, 12);
      const proposal = (
        await coach.api.post(`/v1/sessions/${session.id}/reschedule`, slot(12 + round, 12))
      ).body;
      const [accept, cancel] = await Promise.all([
        client.api.post(`/v1/invites/${proposal.id}/accept`, {}),
        client.api.post(`/v1/sessions/${session.id}/cancel`, {}),
      ]);
      expect(cancel.status).toBe(200);
      await workflowResult(h, proposal.id);
      const final = (await client.api.get(`/v1/sessions/${session.id}`)).body;
      expect(final.status).toBe('cancelled');
      expect(await blockStatus(h, invite.id)).toBe('released');
      expect(await blockStatus(h, proposal.id)).toBe('released');
      if (accept.status === 200) expect(final.startsAt).toBe(proposal.startsAt);
      else expect(final.startsAt).toBe(session.startsAt);
      const ledger = (await client.api.get('/v1/credits')).body.ledger;
      expect(ledger.filter((entry: { reason: string }) => entry.reason === 'refund')).toHaveLength(
        1,
      );
    }
  });
});
