import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyLedgerChange, getCredits } from '../../src/db/queries/credits.js';
import { upsertUser } from '../../src/db/queries/users.js';
import { pgErrorCode, EXCLUSION_VIOLATION } from '../../src/db/errors.js';
import { calendarBlocks, creditAccounts, invites } from '../../src/db/schema.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

let database: TestDatabase;
const coachId = randomUUID();
const clientId = randomUUID();
const now = new Date('2026-12-01T09:00:00.000Z');
const t = (hour: number, minute = 0) => new Date(Date.UTC(2026, 11, 2, hour, minute));

beforeAll(async () => {
  database = await createTestDatabase();
  await upsertUser(
    database.db,
    { id: coachId, role: 'coach', name: 'C', email: 'c@example.com', timezone: 'UTC' },
    now,
  );
  await upsertUser(
    database.db,
    { id: clientId, role: 'client', name: 'K', email: 'k@example.com', timezone: 'UTC' },
    now,
  );
});
afterAll(() => database.drop());

/** Inserts an invite and its block directly, as holdSlot does, to test what the database itself refuses. */
async function block(
  startsAt: Date,
  endsAt: Date,
  options: { sessionId?: string; status?: 'held' | 'booked' } = {},
) {
  const id = randomUUID();
  await database.db.transaction(async (tx) => {
    await tx.insert(invites).values({
      id,
      kind: 'new',
      coachId,
      clientId,
      startsAt,
      endsAt,
      creditCost: 1,
      expiresAt: startsAt,
      workflowId: `invite-${id}`,
    });
    await tx.insert(calendarBlocks).values({
      id,
      coachId,
      startsAt,
      endsAt,
      status: options.status ?? 'held',
      inviteId: id,
      sessionId: options.sessionId ?? null,
    });
  });
  return id;
}

async function refused(work: Promise<unknown>): Promise<string | undefined> {
  try {
    await work;
    return undefined;
  } catch (error) {
    return pgErrorCode(error);
  }
}

describe('calendar blocks', () => {
  it('refuse a second held or booked block that overlaps the first', async () => {
    await block(t(10), t(11), { status: 'booked' });
    expect(await refused(block(t(10, 30), t(11, 30)))).toBe(EXCLUSION_VIOLATION);
    expect(await refused(block(t(9), t(12)))).toBe(EXCLUSION_VIOLATION);
  });

  it('allow back-to-back slots', async () => {
    await block(t(12), t(13));
    await expect(block(t(13), t(14))).resolves.toBeTruthy();
  });

  it('free the slot once a block is released', async () => {
    const first = await block(t(15), t(16));
    expect(await refused(block(t(15), t(16)))).toBe(EXCLUSION_VIOLATION);
    await database.db
      .update(calendarBlocks)
      .set({ status: 'released' })
      .where(eq(calendarBlocks.id, first));
    await expect(block(t(15), t(16))).resolves.toBeTruthy();
  });

  it('let a reschedule’s new block overlap only its own session’s block', async () => {
    const sessionId = randomUUID();
    await block(t(18), t(19), { sessionId, status: 'booked' });
    await expect(block(t(18, 30), t(19, 30), { sessionId })).resolves.toBeTruthy();
    expect(await refused(block(t(18, 30), t(19, 30), { sessionId: randomUUID() }))).toBe(
      EXCLUSION_VIOLATION,
    );
  });

  it('let exactly one of ten concurrent holds for one slot win', async () => {
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => block(t(21), t(22))));
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
  });
});

describe('credit ledger', () => {
  const grant = (amount: number, key: string) =>
    database.db.transaction((tx) =>
      applyLedgerChange(tx, {
        userId: clientId,
        delta: amount,
        reason: 'grant',
        idempotencyKey: key,
        at: now,
      }),
    );

  it('adds nothing for a repeated idempotency key', async () => {
    const first = await grant(5, 'grant:once');
    const again = await grant(5, 'grant:once');
    expect(first).toEqual({ ok: true, applied: true, balance: 5 });
    expect(again).toEqual({ ok: true, applied: false, balance: 5 });
    const { ledger } = await getCredits(database.db, clientId);
    expect(ledger.filter((entry) => entry.delta === 5)).toHaveLength(1);
  });

  it('never lets the balance go below zero', async () => {
    const { balance } = await getCredits(database.db, clientId);
    const charge = await database.db.transaction((tx) =>
      applyLedgerChange(tx, {
        userId: clientId,
        delta: -(balance + 1),
        reason: 'booking_charge',
        idempotencyKey: `charge:${randomUUID()}`,
        at: now,
      }),
    );
    expect(charge).toEqual({ ok: false, reason: 'insufficient_credits', balance });
    const direct = database.db
      .update(creditAccounts)
      .set({ balance: -1 })
      .where(eq(creditAccounts.userId, clientId));
    expect(await refused(direct)).toBe('23514');
    expect((await getCredits(database.db, clientId)).balance).toBe(balance);
  });

  it('applies concurrent grants with one key exactly once', async () => {
    const before = (await getCredits(database.db, clientId)).balance;
    await Promise.allSettled(Array.from({ length: 8 }, () => grant(2, 'grant:raced')));
    expect((await getCredits(database.db, clientId)).balance).toBe(before + 2);
  });
});
