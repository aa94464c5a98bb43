import { and, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../client.js';
import { preparedStatement } from '../prepared.js';
import { coachClients, creditAccounts, users } from '../schema.js';

export type User = typeof users.$inferSelect;
const userColumns = {
  id: users.id,
  role: users.role,
  name: users.name,
  email: users.email,
  timezone: users.timezone,
  createdAt: users.createdAt,
  updatedAt: users.updatedAt,
};

export async function findUser(db: DbOrTx, id: string): Promise<User | undefined> {
  const [user] = await db.select(userColumns).from(users).where(eq(users.id, id));
  return user;
}

const userWithRole = preparedStatement((db) =>
  db
    .select(userColumns)
    .from(users)
    .where(and(eq(users.id, sql.placeholder('id')), eq(users.role, sql.placeholder('role'))))
    .prepare('find_user_with_role'),
);

/** Every API request's caller check. */
export async function findUserWithRole(
  db: Db,
  id: string,
  role: User['role'],
): Promise<User | undefined> {
  const [user] = await userWithRole(db).execute({ id, role });
  return user;
}

export type UpsertUserResult =
  { ok: true; created: boolean; user: User } | { ok: false; reason: 'role_change' };

/** Creates or updates a user; a user's role never changes. Clients get a credit account. */
export async function upsertUser(
  db: DbOrTx,
  input: { id: string; role: User['role']; name: string; email: string; timezone: string },
  now: Date,
): Promise<UpsertUserResult> {
  return db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(users)
      .values({ ...input, createdAt: now, updatedAt: now })
      .onConflictDoNothing({ target: users.id })
      .returning(userColumns);
    if (inserted) {
      if (input.role === 'client')
        await tx.insert(creditAccounts).values({ userId: input.id }).onConflictDoNothing();
      return { ok: true, created: true, user: inserted };
    }
    const [existing] = await tx
      .select(userColumns)
      .from(users)
      .where(eq(users.id, input.id))
      .for('update');
    if (!existing || existing.role !== input.role) return { ok: false, reason: 'role_change' };
    const [updated] = await tx
      .update(users)
      .set({ name: input.name, email: input.email, timezone: input.timezone, updatedAt: now })
      .where(eq(users.id, input.id))
      .returning(userColumns);
    // coach_clients copies the name so a coach's clients page in name order from one index.
    if (input.role === 'client' && existing.name !== input.name)
      await tx
        .update(coachClients)
        .set({ clientName: input.name })
        .where(eq(coachClients.clientId, input.id));
    return { ok: true, created: false, user: updated as User };
  });
}

export const publicUser = (user: User) => ({
  id: user.id,
  role: user.role,
  name: user.name,
  email: user.email,
  timezone: user.timezone,
  createdAt: user.createdAt.toISOString(),
  updatedAt: user.updatedAt.toISOString(),
});
