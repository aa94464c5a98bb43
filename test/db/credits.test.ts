import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applyLedgerChange,
  getCredits,
  type LedgerChange,
  type LedgerResult,
} from '../../src/db/queries/credits.js';
import { upsertUser } from '../../src/db/queries/users.js';
import { creditAccounts, creditLedger } from '../../src/db/schema.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { seedPerson } from '../support/fixtures.js';

let database: TestDatabase;
const now = new Date('2026-12-01T09:00:00.000Z');

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

const change = (userId: string, delta: number, idempotencyKey: string): LedgerChange => ({
  userId,
  delta,
  reason: delta > 0 ? 'grant' : 'booking_charge',
  idempotencyKey,
  at: now,
});

const apply = (entry: LedgerChange) =>
  database.db.transaction((tx) => applyLedgerChange(tx, entry));

/** A client without a credit account row, as clients created before rows were opened with them. */
async function clientWithoutAccount() {
  const id = randomUUID();
  await upsertUser(
    database.db,
    { id, role: 'client', name: 'K', email: `${id}@example.com`, timezone: 'UTC' },
    now,
  );
  await database.db.delete(creditAccounts).where(eq(creditAccounts.userId, id));
  return id;
}

async function untilAStatementWaitsForALock() {
  for (let tries = 0; tries < 200; tries++) {
    const [row] = await database.db.execute<{ waiting: number }>(sql`
      select count(*)::int as waiting from pg_stat_activity
      where datname = current_database() and wait_event_type = 'Lock'`);
    if (row!.waiting > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('no statement ever waited for a lock');
}

/**
 * `first` applied and not yet committed while `second` starts and waits for it: the second's
 * statement snapshot predates the first's commit, the hard case for exactly-once.
 */
async function race(first: LedgerChange, second: LedgerChange) {
  let commit = () => {};
  const committing = new Promise<void>((resolve) => (commit = resolve));
  let applied = () => {};
  const firstApplied = new Promise<void>((resolve) => (applied = resolve));
  const one = database.db.transaction(async (tx) => {
    const result = await applyLedgerChange(tx, first);
    applied();
    await committing;
    return result;
  });
  await firstApplied;
  const two = apply(second);
  await untilAStatementWaitsForALock();
  commit();
  return Promise.all([one, two]) as Promise<[LedgerResult, LedgerResult]>;
}

const entriesWithKey = (key: string) =>
  database.db.select().from(creditLedger).where(eq(creditLedger.idempotencyKey, key));
const accountOf = (userId: string) =>
  database.db.select().from(creditAccounts).where(eq(creditAccounts.userId, userId));

describe('applyLedgerChange', () => {
  it('opens the account with the first entry and answers the same key again with nothing', async () => {
    const userId = await clientWithoutAccount();
    expect(await apply(change(userId, 4, `grant:${userId}`))).toEqual({
      ok: true,
      applied: true,
      balance: 4,
    });
    expect(await apply(change(userId, 4, `grant:${userId}`))).toEqual({
      ok: true,
      applied: false,
      balance: 4,
    });
    expect(await getCredits(database.db, userId)).toMatchObject({ balance: 4 });
  });

  it('refuses a charge the balance cannot afford, also without an account, and writes nothing', async () => {
    const userId = await clientWithoutAccount();
    expect(await apply(change(userId, -1, `charge:${userId}`))).toEqual({
      ok: false,
      reason: 'insufficient_credits',
      balance: 0,
    });
    expect(await accountOf(userId)).toEqual([]);
    expect(await entriesWithKey(`charge:${userId}`)).toEqual([]);
  });

  it('answers a repeated charge as applied, though the balance could not afford it again', async () => {
    const userId = await seedPerson(database.db, 'client', { credits: 1 });
    const key = `charge:${userId}`;
    expect(await apply(change(userId, -1, key))).toEqual({ ok: true, applied: true, balance: 0 });
    expect(await apply(change(userId, -1, key))).toEqual({ ok: true, applied: false, balance: 0 });
  });

  it('applies a key raced by two calls once: one ledger row, one balance change', async () => {
    const userId = await seedPerson(database.db, 'client', { credits: 1 });
    const key = `grant:raced:${userId}`;
    const results = await race(change(userId, 2, key), change(userId, 2, key));
    expect(results).toEqual([
      { ok: true, applied: true, balance: 3 },
      { ok: true, applied: false, balance: 3 },
    ]);
    expect(await entriesWithKey(key)).toHaveLength(1);
    expect((await getCredits(database.db, userId)).balance).toBe(3);
  });

  it('applies a raced charge once, and answers its repeat as applied rather than unaffordable', async () => {
    const userId = await seedPerson(database.db, 'client', { credits: 1 });
    const key = `charge:raced:${userId}`;
    const results = await race(change(userId, -1, key), change(userId, -1, key));
    expect(results).toEqual([
      { ok: true, applied: true, balance: 0 },
      { ok: true, applied: false, balance: 0 },
    ]);
    expect(await entriesWithKey(key)).toHaveLength(1);
  });

  it('applies a key raced by two calls once while the first opens the account', async () => {
    const userId = await clientWithoutAccount();
    const key = `grant:opening:${userId}`;
    const results = await race(change(userId, 2, key), change(userId, 2, key));
    expect(results).toEqual([
      { ok: true, applied: true, balance: 2 },
      { ok: true, applied: false, balance: 2 },
    ]);
    expect(await entriesWithKey(key)).toHaveLength(1);
    expect(await accountOf(userId)).toEqual([{ userId, balance: 2 }]);
  });

  it('lets only one of two charges with different keys spend a balance that affords one', async () => {
    const userId = await seedPerson(database.db, 'client', { credits: 1 });
    const results = await race(
      change(userId, -1, `charge:a:${userId}`),
      change(userId, -1, `charge:b:${userId}`),
    );
    expect(results).toEqual([
      { ok: true, applied: true, balance: 0 },
      { ok: false, reason: 'insufficient_credits', balance: 0 },
    ]);
    expect(await entriesWithKey(`charge:b:${userId}`)).toEqual([]);
    expect((await getCredits(database.db, userId)).balance).toBe(0);
  });

  it('adds up grants with different keys that race, also while the first opens the account', async () => {
    for (const userId of [
      await seedPerson(database.db, 'client', { credits: 1 }),
      await clientWithoutAccount(),
    ]) {
      const before = (await getCredits(database.db, userId)).balance;
      const results = await race(
        change(userId, 2, `grant:a:${userId}`),
        change(userId, 3, `grant:b:${userId}`),
      );
      expect(results).toEqual([
        { ok: true, applied: true, balance: before + 2 },
        { ok: true, applied: true, balance: before + 5 },
      ]);
    }
  });

  it('applies many concurrent calls with one key exactly once, none of them failing', async () => {
    const userId = await seedPerson(database.db, 'client', { credits: 1 });
    const key = `grant:many:${userId}`;
    const results = await Promise.all(
      Array.from({ length: 8 }, () => apply(change(userId, 2, key))),
    );
    expect(results.filter((result) => result.ok && result.applied)).toHaveLength(1);
    expect(results.every((result) => result.ok && result.balance === 3)).toBe(true);
    expect(await entriesWithKey(key)).toHaveLength(1);
  });
});
