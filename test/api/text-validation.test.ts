import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.js';
import { inviteRow, slot } from '../support/invites.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const NUL = 'no\u0000thanks';
const BELL = 'ring\u0007';
const LONE_SURROGATE = 'half \ud800 a pair';

/** A 400 `validation_failed` naming exactly `path`. */
function refused(response: { status: number; body: any }, path: string) {
  expect(response.status).toBe(400);
  expect(response.body).toMatchObject({
    code: 'validation_failed',
    errors: [{ path, message: expect.stringMatching(/control characters|surrogates/) }],
  });
}

async function pendingInvite(hourOffset: number) {
  const coach = await h.createUser('coach');
  const client = await h.createUser('client', { credits: 3, coach });
  const created = await coach.api.post('/v1/invites', {
    clientId: client.id,
    ...slot(4, hourOffset),
  });
  expect(created.status).toBe(201);
  return { coach, client, invite: created.body };
}

describe('text in request bodies', () => {
  it('refuses NUL, control characters and lone surrogates in a decline reason, and the invite can still be declined', async () => {
    const { client, invite } = await pendingInvite(0);
    for (const reason of [NUL, BELL, LONE_SURROGATE, 'lone\rreturn'])
      refused(await client.api.post(`/v1/invites/${invite.id}/decline`, { reason }), 'body.reason');

    const declined = await client.api.post(`/v1/invites/${invite.id}/decline`, {
      reason: 'Not\tthis week,\nsorry',
    });
    expect(declined.status).toBe(200);
    expect(declined.body.invite).toMatchObject({
      status: 'declined',
      declineReason: 'Not\tthis week,\nsorry',
    });
  });

  it('refuses bad text in an invite message, and reads CRLF line breaks as LF', async () => {
    const coach = await h.createUser('coach');
    const client = await h.createUser('client', { coach });
    for (const message of [NUL, LONE_SURROGATE])
      refused(
        await coach.api.post('/v1/invites', { clientId: client.id, ...slot(5), message }),
        'body.message',
      );
    const created = await coach.api.post('/v1/invites', {
      clientId: client.id,
      ...slot(5),
      message: 'Line one\r\nline two',
    });
    expect(created.status).toBe(201);
    expect(created.body.message).toBe('Line one\nline two');
    expect((await inviteRow(h, created.body.id))?.message).toBe('Line one\nline two');
  });

  it('refuses bad text in user names, credit reasons and credit idempotency keys', async () => {
    const id = randomUUID();
    const user = { role: 'client', email: 'text@example.com', timezone: 'UTC' };
    refused(
      await h.operator.put(`/v1/users/${id}`, { ...user, name: LONE_SURROGATE }),
      'body.name',
    );
    refused(await h.operator.put(`/v1/users/${id}`, { ...user, name: NUL }), 'body.name');
    expect((await h.operator.put(`/v1/users/${id}`, { ...user, name: 'Tess' })).status).toBe(201);

    refused(
      await h.operator.post(`/v1/users/${id}/credits`, { amount: 1, reason: LONE_SURROGATE }),
      'body.reason',
    );
    refused(
      await h.operator.post(`/v1/users/${id}/credits`, { amount: 1, idempotencyKey: NUL }),
      'body.idempotencyKey',
    );
    refused(
      await h.operator.post(`/v1/users/${id}/credits`, { amount: 1, idempotencyKey: '\udc00' }),
      'body.idempotencyKey',
    );
    const granted = await h.operator.post(`/v1/users/${id}/credits`, { amount: 2, reason: 'Gift' });
    expect(granted).toMatchObject({ status: 201, body: { balance: 2 } });
  });

  it('refuses bad questionnaire keys and values, and a session cancel reason, leaving the session usable', async () => {
    const { client, invite } = await pendingInvite(2);
    const accepted = await client.api.post(`/v1/invites/${invite.id}/accept`, {});
    expect(accepted.status).toBe(200);
    const session = accepted.body.session;
    const put = (answers: Record<string, unknown>) =>
      client.api.put(`/v1/sessions/${session.id}/questionnaire`, { answers });

    refused(await put({ 'focus\u0000': 'x' }), 'body.answers.focus\u0000');
    refused(await put({ 'focus\ud800': 'x' }), 'body.answers.focus\ud800');
    refused(await put({ focus: LONE_SURROGATE }), 'body.answers.focus');
    refused(await put({ focus: NUL }), 'body.answers.focus');
    refused(await put({ topics: ['fine', BELL] }), 'body.answers.topics.1');
    const saved = await put({ focus: 'Feedback\r\nand pay', notes: 'fine' });
    expect(saved.status).toBe(200);
    expect(saved.body.answers).toEqual({ focus: 'Feedback\nand pay', notes: 'fine' });

    refused(
      await client.api.post(`/v1/sessions/${session.id}/cancel`, { reason: NUL }),
      'body.reason',
    );
    const cancelled = await client.api.post(`/v1/sessions/${session.id}/cancel`, {
      reason: 'Ill',
    });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.session.status).toBe('cancelled');
  });

  it('answers 400, not 500, for a deeply nested body', async () => {
    const { client, invite } = await pendingInvite(4);
    const depth = 10_000;
    const reason = `${'['.repeat(depth)}${']'.repeat(depth)}`;
    const response = await client.api.post(
      `/v1/invites/${invite.id}/decline`,
      `{"reason":${reason}}`,
    );
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('validation_failed');
  });
});

describe('text in queries and paths', () => {
  it('refuses bad text in query values and keys, also where the route reads no query', async () => {
    const client = await h.createUser('client');
    refused(await client.api.get('/v1/invites?status=%00'), 'query.status');
    refused(await client.api.get('/v1/sessions?status=booked%07'), 'query.status');
    refused(await client.api.get('/v1/credits?note=%01'), 'query.note');
    const badKey = await client.api.get('/v1/credits?%00=1');
    expect(badKey.status).toBe(400);
    expect(badKey.body.errors).toEqual([{ path: 'query.\u0000', message: expect.any(String) }]);
  });

  it('refuses bad text and undecodable UTF-8 in path parameters', async () => {
    const client = await h.createUser('client');
    refused(await client.api.get('/v1/invites/%00'), 'params.id');
    refused(await client.api.get(`/v1/sessions/${randomUUID()}%7F/questionnaire`), 'params.id');
    // A lone surrogate cannot be percent-encoded as UTF-8: its bytes do not decode.
    const undecodable = await client.api.post('/v1/invites/%ED%A0%80/decline', {});
    expect(undecodable.status).toBe(400);
    expect(undecodable.body).toMatchObject({
      code: 'validation_failed',
      errors: [{ path: 'params' }],
    });
  });
});
