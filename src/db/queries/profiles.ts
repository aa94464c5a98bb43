import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { creditAccounts, users } from '../schema.js';

const profileColumns = {
  id: users.id,
  role: users.role,
  name: users.name,
  email: users.email,
  timezone: users.timezone,
};

/** The coaches and clients with this email address, matched without regard to case. */
export async function findPeopleByEmail(db: DbOrTx, email: string, limit = 5) {
  return db
    .select(profileColumns)
    .from(users)
    .where(sql`lower(${users.email}) = lower(${email})`)
    .orderBy(users.createdAt)
    .limit(limit);
}

/** A coach's or client's own profile, with the balance of a client. */
export async function findProfile(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ ...profileColumns, balance: creditAccounts.balance })
    .from(users)
    .leftJoin(creditAccounts, eq(creditAccounts.userId, users.id))
    .where(eq(users.id, id));
  if (!row) return undefined;
  const { balance, ...profile } = row;
  return profile.role === 'client' ? { ...profile, balance: balance ?? 0 } : profile;
}
