import { and, desc, eq, isNull, sql, type AnyColumn, type Placeholder } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Recipient } from '../../domain/events.js';
import type { Person } from '../../domain/model.js';
import { RecordMissingError } from '../errors.js';
import type { Db, DbOrTx } from '../client.js';
import { preparedStatement } from '../prepared.js';
import {
  invites,
  notifications,
  questionnaires,
  sessions,
  unreadNotificationCounts,
  users,
} from '../schema.js';
import type { InviteRow } from './invites.js';
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

/** A notification's key, the email's too: `<type>:<subject>:<recipient id>`. */
export const notificationKey = (...parts: string[]) => parts.join(':');

/** A part of a key: a value, a placeholder or a column of the row being read. */
type KeyPart = string | Placeholder | AnyColumn;

/** The same key built in SQL from the row being read, so a read can ask whether it was recorded. */
const notificationKeySql = (parts: KeyPart[]) =>
  sql.join(
    parts.map((part) => sql`${part}::text`),
    sql` || ':' || `,
  );

const coachUser = alias(users, 'coach_user');
const clientUser = alias(users, 'client_user');

const personOf = (user: typeof coachUser | typeof clientUser) => ({
  id: user.id,
  name: user.name,
  email: user.email,
  timezone: user.timezone,
});

const toldOf = (keyParts: KeyPart[]) =>
  sql<boolean>`exists (select 1 from ${notifications}
    where ${notifications.key} = ${notificationKeySql(keyParts)})`;

/** The people of a notice's subject and, for each, whether their notification was recorded. */
const partiesOf = (type: KeyPart, subject: KeyPart[]) => ({
  coach: personOf(coachUser),
  client: personOf(clientUser),
  coachTold: toldOf([type, ...subject, coachUser.id]),
  clientTold: toldOf([type, ...subject, clientUser.id]),
});

/** Both people of a notice as messages address them, and whether each was told already. */
export interface NoticeParties {
  coach: Person;
  client: Person;
  told: Record<Recipient, boolean>;
}

/** A left-joined person: no id when their row is missing. */
type JoinedPerson = { [K in keyof Person]: Person[K] | null } | null;
const found = (person: JoinedPerson): person is Person => person?.id != null;

function noticeParties(
  row: { coach: JoinedPerson; client: JoinedPerson; coachTold: boolean; clientTold: boolean },
  ids: { coachId: string; clientId: string },
): NoticeParties {
  const { coach, client } = row;
  if (!found(coach) || !found(client))
    throw new RecordMissingError(`Unknown coach ${ids.coachId} or client ${ids.clientId}`);
  return { coach, client, told: { coach: row.coachTold, client: row.clientTold } };
}

const inviteNotice = preparedStatement((db) =>
  db
    .select({ invite: invites, ...partiesOf(sql.placeholder('type'), [invites.id]) })
    .from(invites)
    .leftJoin(coachUser, eq(coachUser.id, invites.coachId))
    .leftJoin(clientUser, eq(clientUser.id, invites.clientId))
    .where(eq(invites.id, sql.placeholder('inviteId')))
    .prepare('find_invite_notice'),
);

/**
 * An invite, its coach and client, and whether each was told of `type` for it
 * (`<type>:<invite id>:<recipient id>` recorded): everything a notice of it reads, in one
 * round trip.
 */
export async function findInviteNotice(
  db: Db,
  inviteId: string,
  type: string,
): Promise<NoticeParties & { invite: InviteRow }> {
  const [row] = await inviteNotice(db).execute({ inviteId, type });
  if (!row) throw new RecordMissingError(`Invite ${inviteId} does not exist`);
  return { invite: row.invite, ...noticeParties(row, row.invite) };
}

/**
 * A session with its questionnaire's status, its coach and client, and whether each was told of
 * `type` for it (`<type>:<session id>:<key suffix>:<recipient id>` recorded): one round trip.
 */
export async function findSessionNotice(
  db: DbOrTx,
  sessionId: string,
  notice: { type: string; keySuffix: string },
) {
  const [row] = await db
    .select({
      session: sessions,
      questionnaireStatus: questionnaires.status,
      ...partiesOf(notice.type, [sessions.id, notice.keySuffix]),
    })
    .from(sessions)
    .leftJoin(questionnaires, eq(questionnaires.sessionId, sessions.id))
    .leftJoin(coachUser, eq(coachUser.id, sessions.coachId))
    .leftJoin(clientUser, eq(clientUser.id, sessions.clientId))
    .where(eq(sessions.id, sessionId));
  if (!row) throw new RecordMissingError(`Session ${sessionId} does not exist`);
  const { session, questionnaireStatus } = row;
  return { session, questionnaireStatus, ...noticeParties(row, session) };
}
