import { signPurposeToken, verifyPurposeToken, type TokenCheck } from './purpose-tokens.js';

/** A sign-in link never outlives this, whatever its target. */
export const SIGN_IN_LINK_MAX_MS = 14 * 24 * 3_600_000;

/** Where a sign-in link lands (an app path such as `/invites/<id>`) and how long it is needed. */
export interface LinkTarget {
  path: string;
  /** The moment the target stops needing the link, e.g. the invite's expiry. */
  until: Date;
}

/** The link's expiry: its target's own end, capped at 14 days from now. */
export function signInLinkExpiry(now: Date, until: Date): Date {
  return new Date(Math.min(until.getTime(), now.getTime() + SIGN_IN_LINK_MAX_MS));
}

/** A token that only opens a browser session for `userId`; it is no API bearer token. */
export function signSignInToken(
  secret: string,
  input: { userId: string; now: Date; until: Date },
): Promise<string> {
  return signPurposeToken(secret, {
    purpose: 'sign-in',
    userId: input.userId,
    now: input.now,
    expiresAt: signInLinkExpiry(input.now, input.until),
  });
}

export function verifySignInToken(secret: string, token: string, now: Date): Promise<TokenCheck> {
  return verifyPurposeToken(secret, 'sign-in', token, now);
}

/** `APP_URL/auth/link?token=...&next=<path>`: signs its recipient in and lands on `path`. */
export async function signInLink(
  secret: string,
  input: { appUrl: string; userId: string; now: Date; target: LinkTarget },
): Promise<string> {
  const token = await signSignInToken(secret, { ...input, until: input.target.until });
  const query = new URLSearchParams({ token, next: input.target.path });
  return `${input.appUrl}/auth/link?${query.toString().replace(/%2F/g, '/')}`;
}
