import { errors, jwtVerify, SignJWT } from 'jose';
import { hmacKey } from './hmac-key.js';

/**
 * Tokens this service issues to itself, each for one purpose only. The purpose is the audience
 * claim and the header's `typ`, so a token minted for one use (a sign-in link, a browser session)
 * is refused for any other, and the platform's API bearer tokens (no audience) fit none of them.
 */
export type TokenPurpose = 'sign-in' | 'session';

export type TokenCheck =
  { ok: true; userId: string } | { ok: false; reason: 'expired' | 'invalid' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const typOf = (purpose: TokenPurpose) => `${purpose}+jwt`;
const seconds = (at: Date) => Math.floor(at.getTime() / 1000);

export async function signPurposeToken(
  secret: string,
  input: { purpose: TokenPurpose; userId: string; now: Date; expiresAt: Date },
): Promise<string> {
  return new SignJWT({ purpose: input.purpose })
    .setProtectedHeader({ alg: 'HS256', typ: typOf(input.purpose) })
    .setSubject(input.userId)
    .setAudience(input.purpose)
    .setIssuedAt(seconds(input.now))
    .setExpirationTime(seconds(input.expiresAt))
    .sign(await hmacKey(secret));
}

/** Checks signature, purpose and expiry at `now`; says why a token is refused, never throws. */
export async function verifyPurposeToken(
  secret: string,
  purpose: TokenPurpose,
  token: string,
  now: Date,
): Promise<TokenCheck> {
  try {
    const { payload } = await jwtVerify(token, await hmacKey(secret), {
      algorithms: ['HS256'],
      audience: purpose,
      typ: typOf(purpose),
      requiredClaims: ['exp', 'sub', 'aud'],
      currentDate: now,
    });
    if (payload.purpose !== purpose || !UUID.test(payload.sub ?? '')) {
      return { ok: false, reason: 'invalid' };
    }
    return { ok: true, userId: payload.sub! };
  } catch (error) {
    return { ok: false, reason: error instanceof errors.JWTExpired ? 'expired' : 'invalid' };
  }
}

/** True for a token this service minted for one of its own purposes (never an API bearer). */
export function isPurposeTokenPayload(payload: Record<string, unknown>): boolean {
  return 'purpose' in payload;
}
