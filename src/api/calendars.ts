import { calendarFile } from '../calendar/calendar-file.js';
import { heldSlotEntry, sessionEntry } from '../calendar/entries.js';
import { feedToken, feedTokenHash, isFeedTokenShape, newFeedSalt } from '../calendar/feed-token.js';
import { feedSessionFacts, findSessionFacts, heldSlotsOf } from '../db/queries/calendar-events.js';
import { findFeedOwner, findOrCreateFeed, replaceFeedKey } from '../db/queries/calendar-feeds.js';
import type { ApiDeps } from './deps.js';
import { ApiError } from './problems.js';

const DAY_MS = 86_400_000;
/** How far back a feed keeps past sessions: enough for a look back, small enough to fetch often. */
const FEED_HISTORY_MS = 90 * DAY_MS;
/** Calendar apps are asked to fetch the feed again after this long (REFRESH-INTERVAL). */
const FEED_TTL_SECONDS = 15 * 60;

type Person = { id: string; role: 'coach' | 'client' };

/** The caller's feed address: made on first ask, the same on every later one until rotated. */
export async function feedAddress(
  { db, config, clock }: ApiDeps,
  person: Person,
  rotate: boolean,
): Promise<string> {
  const secret = config.authJwtSecret;
  const salt = newFeedSalt();
  const fresh = { salt, tokenHash: feedTokenHash(feedToken(secret, person.id, salt)) };
  let key = fresh;
  if (rotate) await replaceFeedKey(db, person.id, fresh, clock());
  else {
    key = await findOrCreateFeed(db, person.id, fresh);
    // A new AUTH_JWT_SECRET makes a new token from the same salt: the address shown is the one
    // that works, and the one made under the old secret stops.
    const current = feedTokenHash(feedToken(secret, person.id, key.salt));
    if (current !== key.tokenHash) {
      key = { salt: key.salt, tokenHash: current };
      await replaceFeedKey(db, person.id, key, clock());
    }
  }
  return `${config.appUrl}/calendar/${feedToken(secret, person.id, key.salt)}.ics`;
}

/**
 * The feed a token opens: the person's sessions, and for a coach the slots their pending invites
 * hold, as tentative events. Unknown, rotated or malformed tokens are all the same 404.
 */
export async function feedFor({ db, config, clock }: ApiDeps, token: string): Promise<string> {
  const owner = isFeedTokenShape(token) ? await findFeedOwner(db, feedTokenHash(token)) : undefined;
  if (!owner) throw new ApiError('not_found', 'No such calendar.');
  const role = owner.role;
  const now = clock();
  const sessions = await feedSessionFacts(
    db,
    { id: owner.id, role },
    { since: new Date(now.getTime() - FEED_HISTORY_MS), now },
  );
  const held = role === 'coach' ? await heldSlotsOf(db, owner.id, now) : [];
  const entries = [
    ...sessions.map((session) => sessionEntry(session, role, config.appUrl)),
    ...held.map(({ coach, client, kind, coachZone, ...invite }) =>
      heldSlotEntry(
        { ...invite, reschedule: kind === 'reschedule' },
        { coach, client },
        config.appUrl,
        coachZone,
      ),
    ),
  ].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  return calendarFile({
    method: 'publish',
    name: `Coaching: ${owner.name}`,
    entries,
    stamp: now,
    ttl: FEED_TTL_SECONDS,
  });
}

/** One session as a file to add to a calendar, with the UID and SEQUENCE its emails carry. */
export async function sessionCalendar(
  { db, config, clock }: ApiDeps,
  sessionId: string,
  viewer: 'coach' | 'client',
): Promise<string> {
  const session = await findSessionFacts(db, sessionId);
  if (!session) throw new ApiError('not_found', 'No such session.');
  return calendarFile({
    method: 'publish',
    name: 'Coaching session',
    entries: [sessionEntry(session, viewer, config.appUrl)],
    stamp: clock(),
  });
}
