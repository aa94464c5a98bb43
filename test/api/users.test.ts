import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ worker: false });
});
afterAll(() => h.close());

const user = (role: 'coach' | 'client') => ({
  role,
  name: 'Ada',
  email: 'ada@example.com',
  timezone: 'Europe/Berlin',
});

describe('PUT /v1/users/:id', () => {
  it('creates (201) then updates (200) a user', async () => {
    const id = randomUUID();
    const created = await h.operator.put(`/v1/users/${id}`, user('client'));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      id,
      role: 'client',
      name: 'Ada',
      timezone: 'Europe/Berlin',
    });
    const updated = await h.operator.put(`/v1/users/${id}`, {
      ...user('client'),
      name: 'Ada L.',
      timezone: 'Asia/Tokyo',
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ name: 'Ada L.', timezone: 'Asia/Tokyo' });
  });

  it('refuses to change a user’s role', async () => {
    const id = randomUUID();
    await h.operator.put(`/v1/users/${id}`, user('client'));
    const response = await h.operator.put(`/v1/users/${id}`, user('coach'));
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([{ path: 'body.role', message: expect.any(String) }]);
  });

  it('answers validation_failed naming each bad field', async () => {
    const response = await h.operator.put(`/v1/users/${randomUUID()}`, {
      role: 'admin',
      name: '',
      email: 'nope',
      timezone: 'Mars/Base',
      extra: 1,
    });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('validation_failed');
    const paths = response.body.errors.map((error: { path: string }) => error.path);
    expect(paths).toEqual(
      expect.arrayContaining(['body.role', 'body.name', 'body.email', 'body.timezone']),
    );
  });

  it('answers 400 for a bad uuid, malformed JSON and an oversized body', async () => {
    expect((await h.operator.put('/v1/users/not-a-uuid', user('coach'))).body.errors[0].path).toBe(
      'params.id',
    );
    const badJson = await h.operator.raw('PUT', `/v1/users/${randomUUID()}`, '{"role":', {
      'content-type': 'application/json',
    });
    expect(badJson).toMatchObject({ status: 400, body: { code: 'validation_failed' } });
    const huge = await h.operator.put(`/v1/users/${randomUUID()}`, {
      ...user('coach'),
      name: 'x'.repeat(100_000),
    });
    expect(huge).toMatchObject({ status: 400, body: { code: 'validation_failed' } });
  });
});

describe('GET /v1/users/:id', () => {
  it('shows a user to operators and to themself, and hides them from others', async () => {
    const client = await h.createUser('client');
    expect((await h.operator.get(`/v1/users/${client.id}`)).status).toBe(200);
    expect((await client.api.get(`/v1/users/${client.id}`)).body.id).toBe(client.id);
    const other = await h.createUser('client');
    expect((await other.api.get(`/v1/users/${client.id}`)).body.code).toBe('not_found');
  });
});

describe('credits', () => {
  it('grants credits to a client and shows the ledger to that client only', async () => {
    const client = await h.createUser('client');
    const grant = await h.operator.post(`/v1/users/${client.id}/credits`, {
      amount: 3,
      reason: 'welcome',
    });
    expect(grant).toMatchObject({ status: 201, body: { balance: 3 } });
    const credits = await client.api.get('/v1/credits');
    expect(credits.body).toMatchObject({
      balance: 3,
      ledger: [{ delta: 3, reason: 'grant', inviteId: null, sessionId: null }],
    });
    const coach = await h.createUser('coach');
    expect((await coach.api.get('/v1/credits')).status).toBe(403);
  });

  it('adds nothing for a repeated idempotencyKey', async () => {
    const client = await h.createUser('client');
    const body = { amount: 4, idempotencyKey: 'purchase-17' };
    expect((await h.operator.post(`/v1/users/${client.id}/credits`, body)).body.balance).toBe(4);
    expect((await h.operator.post(`/v1/users/${client.id}/credits`, body)).body.balance).toBe(4);
    expect((await client.api.get('/v1/credits')).body.ledger).toHaveLength(1);
  });

  it('grants only positive whole amounts, only to clients, only by operators', async () => {
    const client = await h.createUser('client');
    for (const amount of [0, -2, 1.5, '3']) {
      expect((await h.operator.post(`/v1/users/${client.id}/credits`, { amount })).body.code).toBe(
        'validation_failed',
      );
    }
    const coach = await h.createUser('coach');
    expect((await h.operator.post(`/v1/users/${coach.id}/credits`, { amount: 1 })).body.code).toBe(
      'client_not_found',
    );
    expect((await h.operator.post(`/v1/users/${randomUUID()}/credits`, { amount: 1 })).status).toBe(
      404,
    );
    expect((await client.api.post(`/v1/users/${client.id}/credits`, { amount: 100 })).status).toBe(
      403,
    );
  });
});

describe('GET /v1/coaches/:id', () => {
  it('shows a coach’s contact details to any signed-in user', async () => {
    const coach = await h.createUser('coach');
    const client = await h.createUser('client');
    const response = await client.api.get(`/v1/coaches/${coach.id}`);
    expect(response.body).toEqual({
      id: coach.id,
      name: coach.name,
      email: coach.email,
      timezone: 'Europe/Berlin',
    });
    expect((await client.api.get(`/v1/coaches/${client.id}`)).status).toBe(404);
  });
});

describe('unknown routes', () => {
  it('answer 404 problem+json', async () => {
    const response = await h.operator.get('/v1/nothing-here');
    expect(response).toMatchObject({ status: 404, body: { code: 'not_found' } });
  });
});
