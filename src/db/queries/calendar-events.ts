import { and, asc, eq, gt, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { SessionFacts } from '../../calendar/entries.js';
import type { DbOrTx } from '../client.js';
import { invites, sessions, users } from '../schema.js';

const coachUser = alias(users, 'coach_user');
const clientUser = alias(users, 'client_user');

/** Accepted reschedules of the session (up to `upTo`, when given): what its SEQUENCE counts. */
const acceptedReschedules = (upTo?: Date) =>
  sql<number>`(select count(*)::int from ${invites} where ${invites.sessionId} = ${sessions.id}
    and ${invites.kind} = 'reschedule' and ${invites.status} = 'accepted'
    ${upTo ? sql`and ${invites.respondedAt} <= ${upTo.toISOString()}` : sql``})`;

function sessionFacts(db: DbOrTx, where: SQL | undefined, upTo?: Date) {
  return db
    .select({
      id: sessions.id,
      startsAt: sessions.startsAt,
      endsAt: sessions.endsAt,
      status: sessions.status,
      acceptedReschedules: acceptedReschedules(upTo),
      coach: { name: coachUser.name, email: coachUser.email },
      client: { name: clientUser.name, email: clientUser.email },
    })
    .from(sessions)
    .innerJoin(coachUser, eq(coachUser.id, sessions.coachId))
    .innerJoin(clientUser, eq(clientUser.id, sessions.clientId))
    .where(where)
    .orderBy(asc(sessions.startsAt), asc(sessions.id));
}

const toFacts = ({ status, ...row }: Awaited<ReturnType<typeof sessionFacts>>[number]) => ({
  ...row,
  cancelled: status === 'cancelled',
});

/** What a session's calendar event is made of; reschedules counted up to `upTo` when given. */
export async function findSessionFacts(
  db: DbOrTx,
  sessionId: string,
  upTo?: Date,
): Promise<SessionFacts | undefined> {
  const [row] = await sessionFacts(db, eq(sessions.id, sessionId), upTo);
  return row && toFacts(row);
}

/** Most sessions a feed lists: a calendar app fetches the whole feed every few hours. */
const FEED_LIMIT = 500;

/**
 * A person's sessions for their feed: booked and completed ones that ended after `since`, and
 * cancelled ones until their time has passed (`now`), so calendars drop a cancelled session
 * that is still ahead.
 */
export async function feedSessionFacts(
  db: DbOrTx,
  person: { id: string; role: 'coach' | 'client' },
  window: { since: Date; now: Date },
): Promise<SessionFacts[]> {
  const owner =
    person.role === 'coach' ? eq(sessions.coachId, person.id) : eq(sessions.clientId, person.id);
  const shown = or(
    and(sql`${sessions.status} <> 'cancelled'`, gt(sessions.endsAt, window.since)),
    and(eq(sessions.status, 'cancelled'), gt(sessions.endsAt, window.now)),
  );
  const rows = await sessionFacts(db, and(owner, shown)).limit(FEED_LIMIT);
  return rows.map(toFacts);
}

/** Slots a coach's pending invites hold, still ahead. */
export async function heldSlotsOf(db: DbOrTx, coachId: string, now: Date) {
  return db
    .select({
      id: invites.id,
      kind: invites.kind,
      startsAt: invites.startsAt,
      endsAt: invites.endsAt,
      expiresAt: invites.expiresAt,
      coachZone: coachUser.timezone,
      coach: { name: coachUser.name, email: coachUser.email },
      client: { name: clientUser.name, email: clientUser.email },
    })
    .from(invites)
    .innerJoin(coachUser, eq(coachUser.id, invites.coachId))
    .innerJoin(clientUser, eq(clientUser.id, invites.clientId))
    .where(
      and(
        eq(invites.coachId, coachId),
        eq(invites.status, 'pending'),
        gt(invites.endsAt, now),
        gt(invites.expiresAt, now),
      ),
    )
    .orderBy(asc(invites.startsAt))
    .limit(FEED_LIMIT);
}
