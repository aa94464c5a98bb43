import { randomUUID } from 'node:crypto';
import { and, count, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordEmail } from '../../src/db/queries/emails.js';
import { listNotifications, markNotificationRead } from '../../src/db/queries/notifications.js';
import { upsertUser } from '../../src/db/queries/users.js';
import { notifications } from '../../src/db/schema.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

let database: TestDatabase;
const now = new Date('2026-12-01T09:00:00.000Z');

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

async function person() {
  const id = randomUUID();
  const user = { id, role: 'client' as const, name: 'K', email: `${id}@example.com` };
  await upsertUser(database.db, { ...user, timezone: 'UTC' }, now);
  return id;
}

/** Records one notification with its email, as a delivery does. */
async function notify(userId: string, key = randomUUID()) {
  const email = { idempotencyKey: key, template: 't', recipientId: userId, to: 'k@example.com' };
  await recordEmail(
    database.db,
    { ...email, subject: 's', text: 't', html: 'h', transport: 'log', createdAt: now },
    { userId, key, type: 't', title: 'T', body: 'B', link: '/x', createdAt: now },
  );
  return key;
}

const unreadCount = async (userId: string) =>
  (await listNotifications(database.db, userId, { unreadOnly: false, limit: 1 })).unreadCount;
const realUnread = async (userId: string) =>
  (
    await database.db
      .select({ n: count() })
      .from(notifications)
      .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
  )[0]!.n;

describe('the unread count a page answers', () => {
  it('follows every insert, repeat, read, unread and delete of a person’s notifications', async () => {
    const userId = await person();
    const other = await person();
    expect(await unreadCount(userId)).toBe(0);

    const keys = [await notify(userId), await notify(userId), await notify(userId)];
    await notify(other);
    await notify(userId, keys[0]); // a retried delivery records nothing new
    expect(await unreadCount(userId)).toBe(3);

    const [first] = await database.db
      .select({ id: notifications.id })
      .from(notifications)
      .where(eq(notifications.key, keys[0]!));
    await markNotificationRead(database.db, userId, first!.id, now);
    await markNotificationRead(database.db, userId, first!.id, now); // read twice counts once
    expect(await unreadCount(userId)).toBe(2);

    await database.db
      .update(notifications)
      .set({ readAt: null })
      .where(eq(notifications.id, first!.id));
    expect(await unreadCount(userId)).toBe(3);
    await database.db.delete(notifications).where(eq(notifications.key, keys[1]!));
    expect(await unreadCount(userId)).toBe(2);
    expect(await unreadCount(other)).toBe(1);
    expect(await realUnread(userId)).toBe(2);
  });

  it('stays exact when many notifications and reads arrive at once', async () => {
    const userId = await person();
    const keys = await Promise.all(Array.from({ length: 40 }, () => notify(userId)));
    const rows = await database.db
      .select({ id: notifications.id })
      .from(notifications)
      .where(eq(notifications.userId, userId));
    await Promise.all(
      rows
        .slice(0, 15)
        .flatMap((row) => [
          markNotificationRead(database.db, userId, row.id, now),
          markNotificationRead(database.db, userId, row.id, now),
        ]),
    );
    expect(keys).toHaveLength(40);
    expect(await unreadCount(userId)).toBe(25);
    expect(await realUnread(userId)).toBe(25);
  });
});
