import { and, desc, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { notifications } from '../schema.js';

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

export async function listNotifications(db: DbOrTx, userId: string, unreadOnly: boolean) {
  const rows = await db
    .select(columns)
    .from(notifications)
    .where(
      and(eq(notifications.userId, userId), unreadOnly ? isNull(notifications.readAt) : undefined),
    )
    .orderBy(desc(notifications.createdAt), desc(notifications.id));
  return rows.map(view);
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

/** Records a notification once per key: a retried step notifies no one twice. */
export async function recordNotification(
  db: DbOrTx,
  notification: {
    userId: string;
    key: string;
    type: string;
    title: string;
    body: string;
    link: string;
    createdAt: Date;
  },
): Promise<void> {
  await db.insert(notifications).values(notification).onConflictDoNothing({
    target: notifications.key,
  });
}
