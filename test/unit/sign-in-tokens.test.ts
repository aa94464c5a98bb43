import { randomUUID } from 'node:crypto';
import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { signToken } from '../../src/api/auth.js';
import {
  SIGN_IN_LINK_MAX_MS,
  signInLink,
  signSignInToken,
  verifySignInToken,
} from '../../src/auth/sign-in-tokens.js';
import { signSessionToken, verifySessionToken } from '../../src/auth/session-tokens.js';

const SECRET = 'unit-test-secret-of-at-least-32-bytes!';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const now = new Date('2026-12-01T10:00:00.000Z');
const later = (ms: number) => new Date(now.getTime() + ms);

describe('sign-in tokens', () => {
  it('name their recipient and work repeatedly until they expire', async () => {
    const userId = randomUUID();
    const token = await signSignInToken(SECRET, { userId, now, until: later(3 * DAY) });
    expect(await verifySignInToken(SECRET, token, later(HOUR))).toEqual({ ok: true, userId });
    expect(await verifySignInToken(SECRET, token, later(2 * DAY))).toEqual({ ok: true, userId });
    expect(await verifySignInToken(SECRET, token, later(3 * DAY + 1000))).toEqual({
      ok: false,
      reason: 'expired',
    });
  });

  it('expire with their target, and never later than 14 days', async () => {
    const userId = randomUUID();
    const short = decodeJwt(await signSignInToken(SECRET, { userId, now, until: later(HOUR) }));
    expect(short.exp).toBe(later(HOUR).getTime() / 1000);
    const long = decodeJwt(await signSignInToken(SECRET, { userId, now, until: later(90 * DAY) }));
    expect(long.exp).toBe(later(SIGN_IN_LINK_MAX_MS).getTime() / 1000);
    expect(long.sub).toBe(userId);
  });

  it('are refused when tampered with or signed with another secret', async () => {
    const token = await signSignInToken(SECRET, { userId: randomUUID(), now, until: later(DAY) });
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forgedPayload = Buffer.from(JSON.stringify({ ...claims, sub: randomUUID() })).toString(
      'base64url',
    );
    const flipped = signature.startsWith('A') ? `B${signature.slice(1)}` : `A${signature.slice(1)}`;
    for (const bad of [
      `${header}.${forgedPayload}.${signature}`,
      `${header}.${payload}.${flipped}`,
      'not-a-token',
      '',
    ]) {
      expect(await verifySignInToken(SECRET, bad, now)).toEqual({ ok: false, reason: 'invalid' });
    }
    const other = await signSignInToken('another-secret-of-at-least-32-bytes!!', {
      userId: randomUUID(),
      now,
      until: later(DAY),
    });
    expect((await verifySignInToken(SECRET, other, now)).ok).toBe(false);
  });

  it('are no session or bearer token, and neither of those is a sign-in token', async () => {
    const userId = randomUUID();
    const signIn = await signSignInToken(SECRET, { userId, now, until: later(DAY) });
    const session = await signSessionToken(SECRET, { userId, now });
    const bearer = await signToken(SECRET, { id: userId, role: 'client' });
    expect((await verifySessionToken(SECRET, signIn, now)).ok).toBe(false);
    expect((await verifySessionToken(SECRET, session, now)).ok).toBe(true);
    expect((await verifySignInToken(SECRET, session, now)).ok).toBe(false);
    expect((await verifySignInToken(SECRET, bearer, new Date())).ok).toBe(false);
    expect((await verifySessionToken(SECRET, bearer, new Date())).ok).toBe(false);
  });

  it('travel in a link to the app that lands on their target path', async () => {
    const userId = randomUUID();
    const inviteId = randomUUID();
    const link = await signInLink(SECRET, {
      appUrl: 'https://app.example.com',
      userId,
      now,
      target: { path: `/invites/${inviteId}`, until: later(DAY) },
    });
    const url = new URL(link);
    expect(`${url.origin}${url.pathname}`).toBe('https://app.example.com/auth/link');
    expect(url.searchParams.get('next')).toBe(`/invites/${inviteId}`);
    expect(link).toContain(`&next=/invites/${inviteId}`);
    const token = url.searchParams.get('token')!;
    expect(await verifySignInToken(SECRET, token, now)).toEqual({ ok: true, userId });
  });
});
