import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.js';
import { httpClient } from '../support/http.js';
import { slot } from '../support/invites.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const unauthenticated = { status: 401, body: { code: 'unauthenticated' } };

describe('who a token names', () => {
  it('refuses a coach token whose sub is no user, at once', async () => {
    const client = await h.createUser('client', { credits: 1 });
    const ghost = await h.as(randomUUID(), 'coach');
    const started = Date.now();
    expect(await ghost.post('/v1/invites', { clientId: client.id, ...slot(3) })).toMatchObject(
      unauthenticated,
    );
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await (await h.as(randomUUID(), 'client')).get('/v1/credits')).toMatchObject(
      unauthenticated,
    );
  });

  it('refuses a token whose role differs from the user’s stored role', async () => {
    const client = await h.createUser('client', { credits: 1 });
    const coach = await h.createUser('coach');
    const clientAsCoach = await h.as(client.id, 'coach');
    expect(
      await clientAsCoach.post('/v1/invites', { clientId: client.id, ...slot(3) }),
    ).toMatchObject(unauthenticated);
    expect(await clientAsCoach.get('/v1/invites')).toMatchObject(unauthenticated);
    expect(await (await h.as(coach.id, 'client')).get('/v1/credits')).toMatchObject(
      unauthenticated,
    );
    expect((await client.api.get('/v1/invites')).body.items).toEqual([]);
  });

  it('keeps operators, who have no user row', async () => {
    const client = await h.createUser('client');
    const operator = await h.as(randomUUID(), 'operator');
    expect((await operator.get(`/v1/users/${client.id}`)).status).toBe(200);
  });

  it('reads the Bearer scheme name in any case', async () => {
    const client = await h.createUser('client', { credits: 2 });
    const token = await h.token(client.id, 'client');
    for (const scheme of ['bearer', 'BEARER', 'BeArEr']) {
      const response = await httpClient(h.baseUrl).raw('GET', '/v1/credits', undefined, {
        authorization: `${scheme} ${token}`,
      });
      expect(response).toMatchObject({ status: 200, body: { balance: 2 } });
    }
    const noScheme = await httpClient(h.baseUrl).raw('GET', '/v1/credits', undefined, {
      authorization: token,
    });
    expect(noScheme).toMatchObject(unauthenticated);
  });
});
