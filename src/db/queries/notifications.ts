import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Person } from '../../domain/model.js';
import { RecordMissingError } from '../errors.js';
import type { DbOrTx } from '../client.js';
import { notifications, unreadNotificationCounts, users } from '../schema.js';
import { afterKey, pageOf, type Page, type PageRequest } from './pages.js';

const columns = {
  id: notifications.id,
  type: notifications.type,
  title: notifications.title,
  body: notifications.body,
  link: notifications.link,
  createdAt: notifications.createdAt,
  readAt: notifications.readAt,
};
type Row = { createdAt: Date; readAt: Date | null } & Record<string, unknown>;
const view = <R extends Row>(row: R) => ({
  ...row,
  createdAt: row.createdAt.toISOString(),
  readAt: row.readAt ? row.readAt.toISOString() : null,
});

/** A page of a person's notifications, newest first, with how many are unread in all. */
export async function listNotifications(
  db: DbOrTx,
  userId: string,
  filter: { unreadOnly: boolean } & PageRequest,
): Promise<Page<ReturnType<typeof view>> & { unreadCount: number }> {
  const rows = await db
    .select(columns)
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, userId),
        filter.unreadOnly ? isNull(notifications.readAt) : undefined,
        afterKey(notifications.createdAt, notifications.id, filter.after, 'desc'),
      ),
    )
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(filter.limit + 1);
  const [unread] = await db
    .select({ count: unreadNotificationCounts.unread })
    .from(unreadNotificationCounts)
    .where(eq(unreadNotificationCounts.userId, userId));
  const keyOf = (row: (typeof rows)[number]) => ({ at: row.createdAt, id: row.id });
  return { ...pageOf(rows, filter.limit, keyOf, view), unreadCount: unread?.count ?? 0 };
}

/** Marks the owner's notification read (keeping the first read time); undefined when not theirs. */
export async function markNotificationRead(db: DbOrTx, userId: string, id: string, now: Date) {
  await db
    .update(notifications)
    .set({ readAt: now })
    .where(
      and(eq(notifications.id, id), eq(notifications.userId, userId), isNull(notifications.readAt)),
    );
  const [row] = await db
    .select(columns)
    .from(notifications)
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)));
  return row ? view(row) : undefined;
}

/** Whether the notification of this key was recorded: the person was told. */
export async function notificationExists(db: DbOrTx, key: string): Promise<boolean> {
  const [row] = await db
    .select({ id: notifications.id })
    .from(notifications)
    .where(eq(notifications.key, key));
  return row !== undefined;
}

/**
 * The coach and client of an invite or session as messages address them, and whether the
 * notification of `key` was recorded already (the person was told): one round trip.
 */
export async function findPartiesAndWhetherTold(
  db: DbOrTx,
  ids: { coachId: string; clientId: string },
  key: string,
): Promise<{ coach: Person; client: Person; told: boolean }> {
  const told = db
    .select({ told: sql<boolean>`true` })
    .from(notifications)
    .where(eq(notifications.key, key));
  const people = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      timezone: users.timezone,
      told: sql<boolean>`exists (${told})`,
    })
    .from(users)
    .where(inArray(users.id, [ids.coachId, ids.clientId]));
  const coach = people.find((person) => person.id === ids.coachId);
  const client = people.find((person) => person.id === ids.clientId);
  if (!coach || !client)
    throw new RecordMissingError(`Unknown coach ${ids.coachId} or client ${ids.clientId}`);
  const person = ({ id, name, email, timezone }: Person) => ({ id, name, email, timezone });
  return { coach: person(coach), client: person(client), told: coach.told };
}
