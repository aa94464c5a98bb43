import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startHarness, type Harness } from '../support/harness.js';
import { blockStatus, emailsOf, inviteRow, slot, workflowResult } from '../support/invites.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

async function people(credits = 5) {
  const coach = await h.createUser('coach', { name: 'Dana Coach' });
  const client = await h.createUser('client', { name: 'Casey Client', credits, coach });
  return { coach, client };
}

describe('sending an invite', () => {
  it('holds the slot before answering 201, then emails and notifies the client', async () => {
    const { coach, client } = await people();
    const created = await coach.api.post('/v1/invites', {
      clientId: client.id,
      ...slot(3),
      message: 'Looking forward!',
    });
    expect(created.status).toBe(201);
    const invite = created.body;
    expect(invite).toMatchObject({
      kind: 'new',
      status: 'pending',
      coachId: coach.id,
      clientId: client.id,
      creditCost: 1,
      message: 'Looking forward!',
      sessionId: null,
      workflowId: `invite-${invite.id}`,
    });
    expect(await blockStatus(h, invite.id)).toBe('held');

    const [email] = await eventually(async () => {
      const sent = h.resend.deliveredTo(client.email);
      return sent.length ? sent : undefined;
    });
    expect(email!.body.subject).toContain('Dana Coach invited you');
    // The button signs the client in and lands on the invite (see test/e2e/sign-in-links.test.ts).
    expect(email!.body.html).toMatch(/>Accept or Decline</);
    expect(email!.body.text).toContain(
      `Accept or Decline: https://app.example.com/auth/link?token=`,
    );
    expect(email!.body.text).toContain(`&next=/invites/${invite.id}\n`);
    expect(email!.body.text).toMatch(/\(America\/New_York, GMT-5\)/);
    expect(email!.idempotencyKey).toBe(`invite_sent:${invite.id}:${client.id}`);
    const notifications = await client.api.get('/v1/notifications?unread=true');
    expect(notifications.body.items).toEqual([
      expect.objectContaining({
        type: 'invite_sent',
        title: 'Invite waiting',
        link: `https://app.example.com/invites/${invite.id}`,
      }),
    ]);
    expect((await client.api.get('/v1/credits')).body.balance).toBe(5);
  });

  it('is searchable by status, coach and client, and answers the state query', async () => {
    const { coach, client } = await people();
    const invite = (await coach.api.post('/v1/invites', { clientId: client.id, ...slot(3, 2) }))
      .body;
    const handle = h.temporal.client.workflow.getHandle(invite.workflowId);
    const state = await handle.query('state');
    expect(state).toMatchObject({
      status: 'pending',
      coachId: coach.id,
      clientId: client.id,
      waitingFor: expect.stringContaining('answer'),
    });
    const query = `InviteStatus = "pending" AND CoachId = "${coach.id}" AND ClientId = "${client.id}"`;
    const found = await eventually(async () => {
      const ids: string[] = [];
      for await (const execution of h.temporal.client.workflow.list({ query }))
        ids.push(execution.workflowId);
      return ids.length ? ids : undefined;
    });
    expect(found).toEqual([invite.workflowId]);
  });

  it('lists invites for their coach and client only, soonest first', async () => {
    const { coach, client } = await people();
    const later = (await coach.api.post('/v1/invites', { clientId: client.id, ...slot(5, 4) }))
      .body;
    const sooner = (await coach.api.post('/v1/invites', { clientId: client.id, ...slot(4, 4) }))
      .body;
    expect(
      (await coach.api.get('/v1/invites')).body.items.map((i: { id: string }) => i.id),
    ).toEqual([sooner.id, later.id]);
    expect((await client.api.get('/v1/invites?status=pending')).body.items).toHaveLength(2);
    expect((await client.api.get('/v1/invites?status=accepted')).body.items).toHaveLength(0);
    expect((await client.api.get('/v1/invites?status=bogus')).status).toBe(400);
    const stranger = await h.createUser('client');
    expect((await stranger.api.get(`/v1/invites/${sooner.id}`)).status).toBe(404);
    expect((await stranger.api.get('/v1/invites')).body.items).toEqual([]);
    expect((await client.api.get(`/v1/invites/${sooner.id}`)).body.id).toBe(sooner.id);
  });

  it('refuses bad slots, unknown clients and the wrong role, leaving nothing behind', async () => {
    const { coach, client } = await people();
    const past = slot(-1);
    expect((await coach.api.post('/v1/invites', { clientId: client.id, ...past })).body.code).toBe(
      'invalid_slot',
    );
    expect(
      (await coach.api.post('/v1/invites', { clientId: client.id, ...slot(3, 0, 5 * 3_600_000) }))
        .status,
    ).toBe(422);
    const reversed = slot(3);
    expect(
      (
        await coach.api.post('/v1/invites', {
          clientId: client.id,
          startsAt: reversed.endsAt,
          endsAt: reversed.startsAt,
        })
      ).status,
    ).toBe(422);
    expect(
      (await coach.api.post('/v1/invites', { clientId: randomUUID(), ...slot(3) })).body.code,
    ).toBe('client_not_found');
    expect(
      (await coach.api.post('/v1/invites', { clientId: coach.id, ...slot(3) })).body.code,
    ).toBe('client_not_found');
    expect(
      (
        await coach.api.post('/v1/invites', {
          clientId: client.id,
          startsAt: 'tomorrow',
          endsAt: 'later',
        })
      ).body.code,
    ).toBe('validation_failed');
    expect((await client.api.post('/v1/invites', { clientId: client.id, ...slot(3) })).status).toBe(
      403,
    );
    expect((await coach.api.get('/v1/invites')).body.items).toEqual([]);
  });

  it('answers slot_unavailable for an overlapping slot and leaves no invite or waiting workflow', async () => {
    const { coach, client } = await people();
    const taken = slot(6);
    expect((await coach.api.post('/v1/invites', { clientId: client.id, ...taken })).status).toBe(
      201,
    );
    const overlap = {
      startsAt: new Date(Date.parse(taken.startsAt) + 30 * 60_000).toISOString(),
      endsAt: new Date(Date.parse(taken.endsAt) + 30 * 60_000).toISOString(),
    };
    const refused = await coach.api.post('/v1/invites', { clientId: client.id, ...overlap });
    expect(refused).toMatchObject({ status: 409, body: { code: 'slot_unavailable' } });
    expect((await coach.api.get('/v1/invites')).body.items).toHaveLength(1);
    const runningFor = async () => {
      const ids: string[] = [];
      for await (const execution of h.temporal.client.workflow.list({
        query: `CoachId = "${coach.id}" AND ExecutionStatus = "Running"`,
      }))
        ids.push(execution.workflowId);
      return ids;
    };
    const first = (await coach.api.get('/v1/invites')).body.items[0];
    await eventually(async () => (await runningFor()).length === 1);
    expect(await runningFor()).toEqual([first.workflowId]);
  });

  it('lets exactly one of ten concurrent invites for one slot win', async () => {
    const { coach, client } = await people();
    const wanted = slot(8);
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        coach.api.post('/v1/invites', { clientId: client.id, ...wanted }),
      ),
    );
    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(1);
    expect(answers.filter((answer) => answer.body?.code === 'slot_unavailable')).toHaveLength(9);
    expect((await coach.api.get('/v1/invites')).body.items).toHaveLength(1);
  });
});

describe('accepting', () => {
  it('charges credits, books the slot, creates the session for both and sends both on', async () => {
    const { coach, client } = await people(2);
    const invite = (await coach.api.post('/v1/invites', { clientId: client.id, ...slot(3, 6) }))
      .body;
    const accepted = await client.api.post(`/v1/invites/${invite.id}/accept`, {});
    expect(accepted.status).toBe(200);
    const { session } = accepted.body;
    expect(accepted.body.invite).toMatchObject({
      status: 'accepted',
      sessionId: session.id,
      respondedAt: expect.any(String),
    });
    expect(session).toMatchObject({
      status: 'booked',
      coachId: coach.id,
      clientId: client.id,
      startsAt: invite.startsAt,
      creditCost: 1,
      questionnaire: { status: 'pending' },
      cancellation: null,
    });
    expect(accepted.body.next).toEqual({
      type: 'questionnaire',
      url: `https://app.example.com/sessions/${session.id}/questionnaire`,
    });

    expect((await client.api.get('/v1/credits')).body).toMatchObject({
      balance: 1,
      ledger: [
        { delta: -1, reason: 'booking_charge', inviteId: invite.id, sessionId: session.id },
        { delta: 2 },
      ],
    });
    expect(await blockStatus(h, invite.id)).toBe('booked');
    expect(
      (await coach.api.get('/v1/sessions')).body.items.map((s: { id: string }) => s.id),
    ).toEqual([session.id]);
    expect((await client.api.get(`/v1/sessions/${session.id}`)).body.id).toBe(session.id);

    await workflowResult(h, invite.id);
    const clientEmail = (await emailsOf(h, 'invite_accepted', client.id))[0];
    expect(clientEmail?.text).toMatch(
      new RegExp(
        `https://app.example.com/auth/link\\?token=[\\w.-]+&next=/sessions/${session.id}/questionnaire`,
      ),
    );
    expect((await emailsOf(h, 'invite_accepted', coach.id))[0]?.subject).toContain(
      'Casey Client accepted',
    );
    const types = (await coach.api.get('/v1/notifications')).body.items.map(
      (n: { type: string }) => n.type,
    );
    expect(types).toContain('invite_accepted');
  });

  it('answers a repeated accept with the same session and charges once', async () => {
    const { coach, client } = await people(3);
    const invite = (await coach.api.post('/v1/invites', { clientId: client.id, ...slot(3, 8) }))
      .body;
    const answers = await Promise.all(
      [1, 2, 3].map(() => client.api.post(`/v1/invites/${invite.id}/accept`, {})),
    );
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(new Set(answers.map((a) => a.body.session.id)).size).toBe(1);
    await workflowResult(h, invite.id);
    const again = await client.api.post(`/v1/invites/${invite.id}/accept`, {});
    expect(again.body.session.id).toBe(answers[0]!.body.session.id);
    expect((await client.api.get('/v1/credits')).body.balance).toBe(2);
  });

  it('keeps the invite pending on insufficient credits, then accepts after a top-up', async () => {
    const { coach, client } = await people(0);
    const invite = (await coach.api.post('/v1/invites', { clientId: client.id, ...slot(3, 10) }))
      .body;
    const refused = await client.api.post(`/v1/invites/${invite.id}/accept`, {});
    expect(refused).toMatchObject({ status: 402, body: { code: 'insufficient_credits' } });
    expect((await client.api.get(`/v1/invites/${invite.id}`)).body.status).toBe('pending');
    expect(await blockStatus(h, invite.id)).toBe('held');
    expect((await client.api.get('/v1/credits')).body.ledger).toEqual([]);

    await h.operator.post(`/v1/users/${client.id}/credits`, { amount: 1 });
    expect((await client.api.post(`/v1/invites/${invite.id}/accept`, {})).status).toBe(200);
    expect((await client.api.get('/v1/credits')).body.balance).toBe(0);
  });

  it('is only for the invite’s own client', async () => {
    const { coach, client } = await people();
    const invite = (await coach.api.post('/v1/invites', { clientId: client.id, ...slot(3, 12) }))
      .body;
    const stranger = await h.createUser('client', { credits: 5 });
    expect((await stranger.api.post(`/v1/invites/${invite.id}/accept`, {})).status).toBe(404);
    expect((await coach.api.post(`/v1/invites/${invite.id}/accept`, {})).status).toBe(403);
    expect(
      (await client.api.post(`/v1/invites/${invite.id}/accept`, { sneaky: true })).status,
    ).toBe(400);
    expect((await client.api.post(`/v1/invites/${randomUUID()}/accept`, {})).status).toBe(404);
    expect((await stranger.api.get('/v1/credits')).body.balance).toBe(5);
  });
});

describe('declining and cancelling', () => {
  it('declines with a reason and a rebook link, releases the slot and tells both', async () => {
    const { coach, client } = await people();
    const invite = (await coach.api.post('/v1/invites', { clientId: client.id, ...slot(4, 1) }))
      .body;
    const declined = await client.api.post(`/v1/invites/${invite.id}/decline`, {
      reason: 'Travelling that week',
      rebook: true,
    });
    expect(declined.status).toBe(200);
    expect(declined.body.invite).toMatchObject({
      status: 'declined',
      declineReason: 'Travelling that week',
    });
    expect(declined.body.next).toEqual({
      type: 'rebook',
      url: `https://app.example.com/book?coachId=${coach.id}`,
    });
    expect(await blockStatus(h, invite.id)).toBe('released');

    await workflowResult(h, invite.id);
    const toCoach = (await emailsOf(h, 'invite_declined', coach.id))[0];
    expect(toCoach?.subject).toContain('Casey Client declined');
    expect(toCoach?.text).toContain('Travelling that week');
    const toClient = (await emailsOf(h, 'invite_declined', client.id))[0];
    expect(toClient?.text).toMatch(/Contact Dana Coach .* to re-book/);
    expect(toClient?.text).toContain(`/book?coachId=${coach.id}`);
    expect((await client.api.post(`/v1/invites/${invite.id}/accept`, {})).body.code).toBe(
      'invite_already_responded',
    );
    expect((await client.api.get('/v1/credits')).body.balance).toBe(5);
  });

  it('declines without rebooking: next is null', async () => {
    const { coach, client } = await people();
    const invite = (await coach.api.post('/v1/invites', { clientId: client.id, ...slot(4, 3) }))
      .body;
    const declined = await client.api.post(`/v1/invites/${invite.id}/decline`, {});
    expect(declined.body.next).toBeNull();
    expect((await client.api.post(`/v1/invites/${invite.id}/decline`, {})).body.code).toBe(
      'invite_already_responded',
    );
  });

  it('lets the coach withdraw a pending invite: slot released, client told, no charge', async () => {
    const { coach, client } = await people();
    const wanted = slot(4, 5);
    const invite = (await coach.api.post('/v1/invites', { clientId: client.id, ...wanted })).body;
    expect((await client.api.post(`/v1/invites/${invite.id}/cancel`, {})).status).toBe(403);
    const cancelled = await coach.api.post(`/v1/invites/${invite.id}/cancel`, {});
    expect(cancelled.body.invite.status).toBe('cancelled');
    expect(await blockStatus(h, invite.id)).toBe('released');
    await workflowResult(h, invite.id);
    expect((await emailsOf(h, 'invite_cancelled', client.id))[0]?.subject).toContain('withdrew');
    expect((await client.api.post(`/v1/invites/${invite.id}/accept`, {})).body.code).toBe(
      'invite_cancelled',
    );
    expect((await coach.api.post('/v1/invites', { clientId: client.id, ...wanted })).status).toBe(
      201,
    );
  });

  it('lets exactly one of accept and decline sent together win', async () => {
    const { coach, client } = await people();
    for (let round = 0; round < 3; round++) {
      const invite = (
        await coach.api.post('/v1/invites', { clientId: client.id, ...slot(9, round) })
      ).body;
      const [accept, decline] = await Promise.all([
        client.api.post(`/v1/invites/${invite.id}/accept`, {}),
        client.api.post(`/v1/invites/${invite.id}/decline`, {}),
      ]);
      expect([accept.status, decline.status].sort()).toEqual([200, 409]);
      const row = await inviteRow(h, invite.id);
      expect(row?.status).toBe(accept.status === 200 ? 'accepted' : 'declined');
      expect(await blockStatus(h, invite.id)).toBe(accept.status === 200 ? 'booked' : 'released');
    }
    const { ledger } = (await client.api.get('/v1/credits')).body;
    const charges = ledger.filter((entry: { reason: string }) => entry.reason === 'booking_charge');
    const sessions = (await client.api.get('/v1/sessions')).body.items;
    expect(charges).toHaveLength(sessions.length);
  });
});

describe('two declines at once', () => {
  it('let only the winning decline’s rebook choice reach the emails', async () => {
    const { coach, client } = await people();
    for (let round = 0; round < 3; round++) {
      const invite = (
        await coach.api.post('/v1/invites', { clientId: client.id, ...slot(10, round) })
      ).body;
      const answers = await Promise.all([
        client.api.post(`/v1/invites/${invite.id}/decline`, { rebook: false }),
        client.api.post(`/v1/invites/${invite.id}/decline`, { rebook: true }),
      ]);
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
      const rebooked = answers[1]!.status === 200;
      await workflowResult(h, invite.id);
      const toClient = (await emailsOf(h, 'invite_declined', client.id)).find((email) =>
        email.idempotencyKey.includes(invite.id),
      );
      expect(toClient?.text.includes('/book?coachId=')).toBe(rebooked);
    }
  });
});

describe('operators', () => {
  it('accept through the workflow’s own signal with the same effect as the API', async () => {
    const { coach, client } = await people(1);
    const invite = (await coach.api.post('/v1/invites', { clientId: client.id, ...slot(4, 7) }))
      .body;
    await h.temporal.client.workflow.getHandle(invite.workflowId).signal('accept');
    const outcome = await workflowResult(h, invite.id);
    expect(outcome).toMatchObject({ status: 'accepted', sessionId: expect.any(String) });
    expect((await client.api.get(`/v1/invites/${invite.id}`)).body.status).toBe('accepted');
    expect((await client.api.get('/v1/credits')).body.balance).toBe(0);
  });

  it('cancel through the signal, and an impossible signal changes nothing', async () => {
    const { coach, client } = await people(0);
    const invite = (await coach.api.post('/v1/invites', { clientId: client.id, ...slot(4, 9) }))
      .body;
    const handle = h.temporal.client.workflow.getHandle(invite.workflowId);
    await handle.signal('accept');
    await eventually(
      async () => (await handle.query<{ status: string }>('state')).status === 'pending',
    );
    await handle.signal('cancel');
    expect(await handle.result()).toMatchObject({ status: 'cancelled' });
    expect(await blockStatus(h, invite.id)).toBe('released');
  });
});
