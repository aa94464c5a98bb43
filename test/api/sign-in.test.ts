import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app.js';
import { signToken } from '../../src/api/auth.js';
import { signSessionToken } from '../../src/auth/session-tokens.js';
import { signSignInToken } from '../../src/auth/sign-in-tokens.js';
import { eventually, startHarness, TEST_SECRET, type Harness } from '../support/harness.js';
import { httpClient } from '../support/http.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ worker: false });
});
afterAll(() => h.close());

const APP = 'https://app.example.com';

/** A request without following redirects, returning status, headers and body text. */
async function raw(path: string, init: RequestInit = {}, baseUrl = h.baseUrl) {
  const response = await fetch(`${baseUrl}${path}`, { redirect: 'manual', ...init });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

const emailLink = (email: string, next?: string, baseUrl?: string) =>
  raw(
    '/v1/auth/email-link',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, ...(next ? { next } : {}) }),
    },
    baseUrl,
  );

/** Opens a sign-in link and answers the session cookie it set (name=value) and where it went. */
async function openLink(link: string) {
  const url = new URL(link);
  const opened = await raw(`${url.pathname}${url.search}`);
  const setCookie = opened.headers.get('set-cookie') ?? '';
  return { ...opened, setCookie, cookie: setCookie.split(';')[0] ?? '' };
}

const linkIn = (text: string) => /(https:\/\/app\.example\.com\/auth\/link\?\S+)/.exec(text)?.[1];

describe('emailing a sign-in link', () => {
  it('answers 202 for any address and emails a link only to a known one', async () => {
    const client = await h.createUser('client', { credits: 2 });
    const unknown = `nobody-${randomUUID()}@example.com`;
    expect((await emailLink(unknown)).status).toBe(202);
    const answered = await emailLink(client.email.toUpperCase(), `/invites/${randomUUID()}`);
    expect(answered.status).toBe(202);
    expect(answered.text).toBe('');
    const [email] = await eventually(async () => {
      const sent = h.resend.deliveredTo(client.email);
      return sent.length ? sent : undefined;
    });
    expect(email!.body.subject).toBe('Your sign-in link');
    expect(linkIn(email!.body.text)).toMatch(/&next=\/invites\/[0-9a-f-]{36}$/);
    expect(h.resend.deliveredTo(unknown)).toEqual([]);
  });

  it('limits requests per address with 429 rate_limited and Retry-After', async () => {
    const email = `limited-${randomUUID()}@example.com`;
    for (let i = 0; i < 5; i++) expect((await emailLink(email)).status).toBe(202);
    const refused = await emailLink(email);
    expect(refused.status).toBe(429);
    expect(JSON.parse(refused.text)).toMatchObject({ status: 429, code: 'rate_limited' });
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
  });

  it('counts in the database, so the limit holds across API replicas', async () => {
    const replica = createApp({
      db: h.db,
      temporal: h.temporal.client,
      config: h.config,
      clock: () => new Date(),
      email: { send: async () => 'sent' },
      logger: pino({ level: 'silent' }),
      readiness: { postgres: async () => {}, temporal: async () => {} },
    });
    const server: Server = await new Promise((resolve) => {
      const listening = replica.listen(0, '127.0.0.1', () => resolve(listening));
    });
    try {
      const other = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const email = `replicas-${randomUUID()}@example.com`;
      const answers = [];
      for (let i = 0; i < 6; i++)
        answers.push((await emailLink(email, undefined, i % 2 ? other : h.baseUrl)).status);
      expect(answers).toEqual([202, 202, 202, 202, 202, 429]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('limits requests per IP, read from X-Forwarded-For behind a trusted proxy', async () => {
    const behindProxy = createApp({
      db: h.db,
      temporal: h.temporal.client,
      config: { ...h.config, trustProxy: 1 },
      clock: () => new Date(),
      email: { send: async () => 'sent' },
      logger: pino({ level: 'silent' }),
      readiness: { postgres: async () => {}, temporal: async () => {} },
    });
    const server: Server = await new Promise((resolve) => {
      const listening = behindProxy.listen(0, '127.0.0.1', () => resolve(listening));
    });
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const ip = `203.0.113.${Math.floor(Math.random() * 250)}`;
      const ask = (from: string) =>
        raw(
          '/v1/auth/email-link',
          {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
            body: JSON.stringify({ email: `ip-${randomUUID()}@example.com` }),
          },
          base,
        );
      for (let i = 0; i < 20; i++) expect((await ask(ip)).status).toBe(202);
      expect((await ask(ip)).status).toBe(429);
      expect((await ask('198.51.100.1')).status).toBe(202);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('refuses a malformed address with 400', async () => {
    const refused = await emailLink('not-an-address');
    expect(refused.status).toBe(400);
    expect(JSON.parse(refused.text).code).toBe('validation_failed');
  });
});

describe('following a sign-in link', () => {
  it('sets an HttpOnly, SameSite=Lax, Secure session cookie and lands on next', async () => {
    const client = await h.createUser('client', { credits: 3 });
    const token = await signSignInToken(TEST_SECRET, {
      userId: client.id,
      now: new Date(),
      until: new Date(Date.now() + 3_600_000),
    });
    const opened = await openLink(`${APP}/auth/link?token=${token}&next=/invites/abc?x=1`);
    expect(opened.status).toBe(303);
    expect(opened.headers.get('location')).toBe('/invites/abc?x=1');
    expect(opened.headers.get('cache-control')).toBe('no-store');
    expect(opened.setCookie).toMatch(/^coach_session=[\w.-]+;/);
    expect(opened.setCookie).toMatch(/HttpOnly/);
    expect(opened.setCookie).toMatch(/SameSite=Lax/);
    expect(opened.setCookie).toMatch(/Secure/);
    expect(opened.setCookie).toMatch(/Path=\//);

    const me = await raw('/v1/me', { headers: { cookie: opened.cookie } });
    expect(me.status).toBe(200);
    expect(JSON.parse(me.text)).toEqual({
      id: client.id,
      role: 'client',
      name: client.name,
      email: client.email,
      timezone: 'America/New_York',
      balance: 3,
    });
  });

  it.each([
    ['https://evil.example/x', '/'],
    ['//evil.example/x', '/'],
    ['/\\evil.example', '/'],
    ['sessions', '/'],
    ['/sessions/1/questionnaire', '/sessions/1/questionnaire'],
  ])('lands on a path of the app only (next=%s)', async (next, location) => {
    const coach = await h.createUser('coach');
    const token = await signSignInToken(TEST_SECRET, {
      userId: coach.id,
      now: new Date(),
      until: new Date(Date.now() + 60_000),
    });
    const search = new URLSearchParams({ token, next });
    const opened = await openLink(`${APP}/auth/link?${search}`);
    expect(opened.status).toBe(303);
    expect(opened.headers.get('location')).toBe(location);
  });

  it('sends a bad, expired or foreign token to /signin with a reason and no cookie', async () => {
    const client = await h.createUser('client');
    const past = new Date(Date.now() - 7_200_000);
    const expired = await signSignInToken(TEST_SECRET, {
      userId: client.id,
      now: past,
      until: new Date(past.getTime() + 60_000),
    });
    const foreign = await signSignInToken('x'.repeat(40), {
      userId: client.id,
      now: new Date(),
      until: new Date(Date.now() + 60_000),
    });
    const bearer = await signToken(TEST_SECRET, { id: client.id, role: 'client' });
    const cases: [string, string][] = [
      [expired, 'expired_link'],
      [foreign, 'invalid_link'],
      [bearer, 'invalid_link'],
      ['garbage', 'invalid_link'],
    ];
    for (const [token, reason] of cases) {
      const opened = await openLink(`${APP}/auth/link?token=${token}&next=/sessions`);
      expect(opened.status).toBe(303);
      expect(opened.headers.get('location')).toBe(`/signin?error=${reason}&next=%2Fsessions`);
      expect(opened.setCookie).toBe('');
    }
  });
});

describe('the session cookie', () => {
  async function signedIn(role: 'coach' | 'client' = 'client') {
    const user = await h.createUser(role, { credits: role === 'client' ? 1 : 0 });
    const token = await signSessionToken(TEST_SECRET, { userId: user.id, now: new Date() });
    return { ...user, cookie: `coach_session=${token}` };
  }

  it('lets a cookie read, and change only from the app’s origin', async () => {
    const client = await signedIn();
    const coach = await h.createUser('coach');
    const viewCoach = await raw(`/v1/coaches/${coach.id}`, { headers: { cookie: client.cookie } });
    expect(JSON.parse(viewCoach.text)).toEqual({
      id: coach.id,
      name: coach.name,
      email: coach.email,
      timezone: 'Europe/Berlin',
    });
    const post = (headers: Record<string, string>) =>
      raw(`/v1/notifications/${randomUUID()}/read`, {
        method: 'POST',
        headers: { cookie: client.cookie, ...headers },
      });
    const elsewhere: Record<string, string>[] = [
      {},
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { referer: 'https://evil.example/app.example.com' },
    ];
    for (const headers of elsewhere) {
      const refused = await post(headers);
      expect(refused.status).toBe(403);
      expect(JSON.parse(refused.text).code).toBe('cross_site_request');
    }
    // From the app, the request reaches its route (no such notification).
    expect((await post({ origin: APP })).status).toBe(404);
    expect((await post({ referer: `${APP}/invites` })).status).toBe(404);
  });

  it('is not a bearer token, and a sign-in token is neither', async () => {
    const client = await signedIn();
    const session = client.cookie.split('=')[1]!;
    const signIn = await signSignInToken(TEST_SECRET, {
      userId: client.id,
      now: new Date(),
      until: new Date(Date.now() + 60_000),
    });
    for (const token of [session, signIn]) {
      expect((await httpClient(h.baseUrl, token).get('/v1/me')).status).toBe(401);
    }
    expect((await raw('/v1/me', { headers: { cookie: `coach_session=${signIn}` } })).status).toBe(
      401,
    );
  });

  it('answers 401 without a cookie or with an expired one', async () => {
    const client = await h.createUser('client');
    const old = await signSessionToken(TEST_SECRET, {
      userId: client.id,
      now: new Date(Date.now() - 31 * 86_400_000),
    });
    expect((await raw('/v1/me')).status).toBe(401);
    expect((await raw('/v1/me', { headers: { cookie: `coach_session=${old}` } })).status).toBe(401);
  });

  it('is cleared by signing out (204), which a page elsewhere cannot do', async () => {
    const coach = await signedIn('coach');
    const signout = (origin: string) =>
      raw('/v1/auth/signout', { method: 'POST', headers: { cookie: coach.cookie, origin } });
    expect((await signout('https://evil.example')).status).toBe(403);
    const out = await signout(APP);
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/^coach_session=;.*Expires=Thu, 01 Jan 1970/);
    const me = JSON.parse((await raw('/v1/me', { headers: { cookie: coach.cookie } })).text);
    expect(me.role).toBe('coach');
    expect(me).not.toHaveProperty('balance');
  });

  it('lets the bearer header win over a cookie, so tools are never refused as cross-site', async () => {
    const client = await signedIn();
    const bearer = await h.token(client.id, 'client');
    const answer = await raw(`/v1/notifications/${randomUUID()}/read`, {
      method: 'POST',
      headers: { cookie: client.cookie, authorization: `Bearer ${bearer}` },
    });
    expect(answer.status).toBe(404);
  });
});

describe('the OpenAPI document', () => {
  it('describes the sign-in routes, the cookie and every JSON answer by a real schema', async () => {
    const doc = (await httpClient(h.baseUrl).get('/openapi.json')).body;
    expect(doc.paths['/v1/auth/email-link'].post.responses).toHaveProperty('429');
    expect(doc.paths['/v1/auth/email-link'].post.security).toEqual([]);
    expect(doc.paths['/auth/link'].get.responses['303'].headers).toHaveProperty('Location');
    expect(doc.paths['/v1/auth/signout'].post.responses).toHaveProperty('204');
    expect(doc.components.securitySchemes.sessionCookie).toMatchObject({
      type: 'apiKey',
      in: 'cookie',
      name: 'coach_session',
    });
    expect(doc.components.schemas.Session.required).toContain('cancellationTerms');
    expect(doc.components.schemas.NotificationPage.required).toContain('unreadCount');
    expect(doc.components.schemas.Me.required).not.toContain('balance');
    for (const [path, methods] of Object.entries<Record<string, any>>(doc.paths)) {
      for (const [method, op] of Object.entries<any>(methods)) {
        const success = Object.entries<any>(op.responses).find(([status]) => status < '300');
        const schema = success?.[1].content?.['application/json']?.schema;
        if (schema) expect(schema.$ref, `${method} ${path}`).toMatch(/^#\/components\/schemas\//);
      }
    }
  });
});
