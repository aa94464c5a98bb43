import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startHarness, type Harness } from '../support/harness.js';
import { blockStatus, emailsOf, inviteRow, slot, workflowResult } from '../support/invites.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ env: { INVITE_TTL: '4s', INVITE_REMINDER_BEFORE: '2s' } });
});
afterAll(() => h.close());

describe('an unanswered invite (INVITE_TTL=4s, reminder 2s before)', () => {
  it('reminds once, expires, frees the slot, tells both and refuses late answers', async () => {
    const coach = await h.createUser('coach');
    const client = await h.createUser('client', { credits: 3, coach });
    const wanted = slot(2);
    const invite = (await coach.api.post('/v1/invites', { clientId: client.id, ...wanted })).body;
    expect(Date.parse(invite.expiresAt) - Date.parse(invite.createdAt)).toBe(4_000);

    const outcome = await workflowResult(h, invite.id);
    expect(outcome).toEqual({ status: 'expired', sessionId: null });
    expect(await inviteRow(h, invite.id)).toMatchObject({ status: 'expired', respondedAt: null });
    expect(await blockStatus(h, invite.id)).toBe('released');
    expect(await emailsOf(h, 'invite_reminder', client.id)).toHaveLength(1);
    expect(await emailsOf(h, 'invite_expired', client.id)).toHaveLength(1);
    expect(await emailsOf(h, 'invite_expired', coach.id)).toHaveLength(1);

    expect((await client.api.post(`/v1/invites/${invite.id}/accept`, {})).body.code).toBe(
      'invite_expired',
    );
    expect((await client.api.post(`/v1/invites/${invite.id}/decline`, {})).body.code).toBe(
      'invite_expired',
    );
    expect((await client.api.get('/v1/credits')).body).toEqual({
      balance: 3,
      ledger: [expect.objectContaining({ reason: 'grant' })],
    });
    expect((await coach.api.post('/v1/invites', { clientId: client.id, ...wanted })).status).toBe(
      201,
    );
  });

  it('sends no reminder once answered', async () => {
    const coach = await h.createUser('coach');
    const client = await h.createUser('client', { credits: 1, coach });
    const invite = (await coach.api.post('/v1/invites', { clientId: client.id, ...slot(2, 3) }))
      .body;
    await client.api.post(`/v1/invites/${invite.id}/decline`, {});
    await workflowResult(h, invite.id);
    expect(await emailsOf(h, 'invite_reminder', client.id)).toHaveLength(0);
  });

  it('ends exactly one way when an accept races the expiry', async () => {
    const coach = await h.createUser('coach');
    const client = await h.createUser('client', { credits: 10, coach });
    for (let round = 0; round < 3; round++) {
      const invite = (
        await coach.api.post('/v1/invites', { clientId: client.id, ...slot(3, round) })
      ).body;
      const expiresAt = Date.parse(invite.expiresAt);
      await eventually(async () => Date.now() >= expiresAt - 30 - round * 20, 10_000);
      const answer = await client.api.post(`/v1/invites/${invite.id}/accept`, {});
      const outcome = await workflowResult(h, invite.id);
      const row = await inviteRow(h, invite.id);
      if (answer.status === 200) {
        expect(outcome.status).toBe('accepted');
        expect(row?.status).toBe('accepted');
        expect(await blockStatus(h, invite.id)).toBe('booked');
      } else {
        expect(answer.body.code).toBe('invite_expired');
        expect(outcome.status).toBe('expired');
        expect(await blockStatus(h, invite.id)).toBe('released');
      }
    }
    const { balance, ledger } = (await client.api.get('/v1/credits')).body;
    const sessions = (await client.api.get('/v1/sessions')).body.items;
    expect(
      ledger.filter((entry: { reason: string }) => entry.reason === 'booking_charge'),
    ).toHaveLength(sessions.length);
    expect(balance).toBe(10 - sessions.length);
  });
});
