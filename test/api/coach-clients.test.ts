import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.js';
import { slot } from '../support/invites.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const pairPath = (coachId: string, clientId: string) =>
  `/v1/coaches/${coachId}/clients/${clientId}`;

describe('assigning clients to coaches', () => {
  it('answers 201 when assigned, 200 when already, and 204 on unassigning', async () => {
    const coach = await h.createUser('coach');
    const client = await h.createUser('client', { name: 'Ada Lovelace' });
    const first = await h.operator.put(pairPath(coach.id, client.id), {});
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ coachId: coach.id, clientId: client.id });
    expect((await h.operator.put(pairPath(coach.id, client.id), {})).status).toBe(200);
    const listed = await coach.api.get('/v1/clients');
    expect(listed.body).toEqual({
      items: [
        { id: client.id, name: 'Ada Lovelace', email: client.email, timezone: 'America/New_York' },
      ],
      nextCursor: null,
    });
    expect((await h.operator.delete(pairPath(coach.id, client.id))).status).toBe(204);
    expect((await coach.api.get('/v1/clients')).body.items).toEqual([]);
    // Unassigning again changes nothing and says so the same way.
    expect((await h.operator.delete(pairPath(coach.id, client.id))).status).toBe(204);
  });

  it('answers 404 not_found when either is not a coach or not a client', async () => {
    const coach = await h.createUser('coach');
    const client = await h.createUser('client');
    const cases = [
      [client.id, client.id],
      [coach.id, coach.id],
      [randomUUID(), client.id],
      [coach.id, randomUUID()],
    ] as const;
    for (const [coachId, clientId] of cases) {
      const put = await h.operator.put(pairPath(coachId, clientId), {});
      expect(put.status).toBe(404);
      expect(put.body.code).toBe('not_found');
      expect((await h.operator.delete(pairPath(coachId, clientId))).body.code).toBe('not_found');
    }
  });

  it('is for operators only, and validates both ids', async () => {
    const coach = await h.createUser('coach');
    const client = await h.createUser('client');
    const asCoach = await coach.api.put(pairPath(coach.id, client.id), {});
    expect(asCoach.status).toBe(403);
    expect((await client.api.get('/v1/clients')).status).toBe(403);
    const bad = await h.operator.put(pairPath('nope', client.id), {});
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ path: 'params.coachId', message: expect.any(String) }]);
  });
});

describe('GET /v1/clients', () => {
  it('pages a coach’s own clients by name, and only theirs', async () => {
    const coach = await h.createUser('coach');
    const other = await h.createUser('coach');
    const names = ['Eve', 'Bo', 'Dana', 'Al', 'Cy'];
    for (const name of names) await h.createUser('client', { name, coach });
    await h.createUser('client', { name: 'Someone else’s', coach: other });

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `&cursor=${cursor}` : '';
      const page = await coach.api.get(`/v1/clients?limit=2${query}`);
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((item: { name: string }) => item.name));
      cursor = page.body.nextCursor;
      pages += 1;
    } while (cursor);
    expect(seen).toEqual(['Al', 'Bo', 'Cy', 'Dana', 'Eve']);
    expect(pages).toBe(3);
  });

  it('lists a renamed client under their new name', async () => {
    const coach = await h.createUser('coach');
    const client = await h.createUser('client', { name: 'Zed', coach });
    await h.operator.put(`/v1/users/${client.id}`, {
      role: 'client',
      name: 'Aaron',
      email: client.email,
      timezone: 'UTC',
    });
    const page = await coach.api.get('/v1/clients');
    expect(page.body.items).toEqual([
      { id: client.id, name: 'Aaron', email: client.email, timezone: 'UTC' },
    ]);
  });

  it('refuses a cursor it never gave out', async () => {
    const coach = await h.createUser('coach');
    const page = await coach.api.get('/v1/clients?cursor=bm90LWEtY3Vyc29y');
    expect(page.status).toBe(400);
    expect(page.body.errors[0].path).toBe('query.cursor');
  });
});

describe('GET /v1/clients/:id', () => {
  it('shows a coach their own client, and nobody else’s', async () => {
    const coach = await h.createUser('coach');
    const other = await h.createUser('coach');
    const client = await h.createUser('client', { name: 'Bea', coach });
    const theirs = await h.createUser('client', { coach: other });
    expect((await coach.api.get(`/v1/clients/${client.id}`)).body).toEqual({
      id: client.id,
      name: 'Bea',
      email: client.email,
      timezone: 'America/New_York',
    });
    for (const id of [theirs.id, other.id, randomUUID()])
      expect((await coach.api.get(`/v1/clients/${id}`)).body.code).toBe('not_found');
    expect((await client.api.get(`/v1/clients/${client.id}`)).status).toBe(403);
  });
});

describe('a coach invites only their own clients', () => {
  it('answers 404 client_not_found for a client who is not theirs, and holds no slot', async () => {
    const coach = await h.createUser('coach');
    const other = await h.createUser('coach');
    const client = await h.createUser('client', { coach: other });
    const when = slot(5);
    const refused = await coach.api.post('/v1/invites', { clientId: client.id, ...when });
    expect(refused.status).toBe(404);
    expect(refused.body.code).toBe('client_not_found');
    // The same slot is still free for the coach.
    await h.assign(coach, client);
    const sent = await coach.api.post('/v1/invites', { clientId: client.id, ...when });
    expect(sent.status).toBe(201);
  });

  it('keeps the pair’s invites and sessions after unassigning; a reschedule still works', async () => {
    const coach = await h.createUser('coach');
    const client = await h.createUser('client', { credits: 1, coach });
    const invite = await coach.api.post('/v1/invites', { clientId: client.id, ...slot(6) });
    const accepted = await client.api.post(`/v1/invites/${invite.body.id}/accept`, {});
    expect(accepted.status).toBe(200);
    const pending = await coach.api.post('/v1/invites', { clientId: client.id, ...slot(6, 3) });
    expect(pending.status).toBe(201);

    expect((await h.operator.delete(pairPath(coach.id, client.id))).status).toBe(204);
    const session = accepted.body.session.id as string;
    expect((await coach.api.get(`/v1/sessions/${session}`)).status).toBe(200);
    expect((await client.api.get(`/v1/invites/${pending.body.id}`)).body.status).toBe('pending');
    const again = await coach.api.post('/v1/invites', { clientId: client.id, ...slot(6, 6) });
    expect(again.body.code).toBe('client_not_found');
    // The coach still sees whom the session is with.
    expect((await coach.api.get(`/v1/clients/${client.id}`)).body.name).toBe(client.name);
    const moved = await coach.api.post(`/v1/sessions/${session}/reschedule`, slot(7));
    expect(moved.status).toBe(201);
    expect(moved.body.kind).toBe('reschedule');
  });
});
