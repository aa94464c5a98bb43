import { signPurposeToken, verifyPurposeToken, type TokenCheck } from './purpose-tokens.js';

/** How long a browser stays signed in after following a link. */
export const BROWSER_SESSION_MS = 30 * 24 * 3_600_000;

/** The HttpOnly cookie carrying a browser's session token. */
export const SESSION_COOKIE = 'coach_session';

/** The browser session's token: who signed in, for `BROWSER_SESSION_MS`. */
export function signSessionToken(secret: string, input: { userId: string; now: Date }) {
  return signPurposeToken(secret, {
    purpose: 'session',
    userId: input.userId,
    now: input.now,
    expiresAt: new Date(input.now.getTime() + BROWSER_SESSION_MS),
  });
}

export function verifySessionToken(secret: string, token: string, now: Date): Promise<TokenCheck> {
  return verifyPurposeToken(secret, 'session', token, now);
}
