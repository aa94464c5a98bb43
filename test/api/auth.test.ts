import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signToken } from '../../src/api/auth.js';
import { startHarness, TEST_SECRET, type Harness } from '../support/harness.js';
import { httpClient } from '../support/http.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ worker: false });
});
afterAll(() => h.close());

const raw = (claims: Record<string, unknown>, secret = TEST_SECRET, alg = 'HS256') =>
  new SignJWT(claims).setProtectedHeader({ alg }).sign(new TextEncoder().encode(secret));

describe('bearer authentication', () => {
  it.each([
    ['no token', undefined],
    ['a malformed token', 'not-a-jwt'],
  ])('answers 401 problem+json for %s', async (_name, token) => {
    const response = await httpClient(h.baseUrl, token).get('/v1/credits');
    expect(response.status).toBe(401);
    expect(response.contentType).toMatch(/application\/problem\+json/);
    expect(response.body).toMatchObject({
      status: 401,
      code: 'unauthenticated',
      title: expect.any(String),
      type: expect.any(String),
    });
  });

  it('answers 401 for an expired token', async () => {
    const expired = await signToken(
      TEST_SECRET,
      { id: randomUUID(), role: 'client' },
      Math.floor(Date.now() / 1000) - 60,
    );
    expect((await httpClient(h.baseUrl, expired).get('/v1/credits')).status).toBe(401);
  });

  it('answers 401 for a token signed with another secret', async () => {
    const forged = await signToken('someone-elses-secret', { id: randomUUID(), role: 'operator' });
    expect((await httpClient(h.baseUrl, forged).get('/v1/credits')).body.code).toBe(
      'unauthenticated',
    );
  });

  it('answers 401 for a token without exp, with an unknown role or a non-uuid subject', async () => {
    const exp = Math.floor(Date.now() / 1000) + 600;
    for (const token of [
      await raw({ sub: randomUUID(), role: 'client' }),
      await raw({ sub: randomUUID(), role: 'admin', exp }),
      await raw({ sub: 'bob', role: 'client', exp }),
    ]) {
      expect((await httpClient(h.baseUrl, token).get('/v1/credits')).status).toBe(401);
    }
  });

  it('answers 403 when the role may never take the action', async () => {
    const coach = (await h.createUser('coach')).api;
    const response = await coach.put(`/v1/users/${randomUUID()}`, {
      role: 'client',
      name: 'x',
      email: 'x@example.com',
      timezone: 'UTC',
    });
    expect(response.status).toBe(403);
    expect(response.body.code).toBe('forbidden');
  });

  it('leaves health, readiness and the contract open', async () => {
    const anonymous = httpClient(h.baseUrl);
    expect((await anonymous.get('/healthz')).status).toBe(200);
    expect(await anonymous.get('/readyz')).toMatchObject({
      status: 200,
      body: { checks: { postgres: true, temporal: true } },
    });
    const openapi = await anonymous.get('/openapi.json');
    expect(openapi.body.openapi).toBe('3.1.0');
    expect(
      openapi.body.paths['/v1/invites'].post.requestBody.content['application/json'].schema
        .required,
    ).toEqual(expect.arrayContaining(['clientId', 'startsAt', 'endsAt']));
  });
});
