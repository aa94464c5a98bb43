import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { calendarFeeds, users } from '../schema.js';

export interface FeedKey {
  salt: string;
  tokenHash: string;
}

/** The person's feed, made with `fresh` when they have none yet (two first asks make one). */
export async function findOrCreateFeed(db: DbOrTx, userId: string, fresh: FeedKey) {
  await db
    .insert(calendarFeeds)
    .values({ userId, ...fresh })
    .onConflictDoNothing({ target: calendarFeeds.userId });
  const [feed] = await db
    .select({ salt: calendarFeeds.salt, tokenHash: calendarFeeds.tokenHash })
    .from(calendarFeeds)
    .where(eq(calendarFeeds.userId, userId));
  return feed!;
}

/** Replaces the person's feed key: the old address stops working in the same statement. */
export async function replaceFeedKey(db: DbOrTx, userId: string, key: FeedKey, at: Date) {
  await db
    .insert(calendarFeeds)
    .values({ userId, ...key, createdAt: at })
    .onConflictDoUpdate({ target: calendarFeeds.userId, set: { ...key, createdAt: at } });
}

/** Whose feed a token's hash opens, if anyone's. */
export async function findFeedOwner(db: DbOrTx, tokenHash: string) {
  const [owner] = await db
    .select({ id: users.id, role: users.role, name: users.name })
    .from(calendarFeeds)
    .innerJoin(users, eq(users.id, calendarFeeds.userId))
    .where(eq(calendarFeeds.tokenHash, tokenHash));
  return owner;
}
