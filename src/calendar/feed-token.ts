import { createHash, createHmac, randomBytes } from 'node:crypto';

/** A new salt for a feed address: rotating draws one, and with it a new token. */
export const newFeedSalt = () => randomBytes(16).toString('base64url');

/**
 * A person's feed token: an HMAC of their id and the feed's salt under AUTH_JWT_SECRET (256 bits,
 * base64url). The service can show the same address again without keeping the token itself.
 */
export function feedToken(secret: string, userId: string, salt: string): string {
  return createHmac('sha256', secret).update(`calendar-feed:${userId}:${salt}`).digest('base64url');
}

/** What the database keeps and looks the token up by. */
export const feedTokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** Only what `feedToken` makes can be a token; anything else is not looked up at all. */
export const isFeedTokenShape = (token: string) => /^[A-Za-z0-9_-]{43}$/.test(token);
