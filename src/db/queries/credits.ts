import { desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { creditAccounts, creditLedger } from '../schema.js';

type LedgerReason = (typeof creditLedger.$inferInsert)['reason'];

export interface LedgerChange {
  userId: string;
  delta: number;
  reason: LedgerReason;
  idempotencyKey: string;
  note?: string | null;
  inviteId?: string | null;
  sessionId?: string | null;
  at: Date;
}

export type LedgerResult =
  | { ok: true; applied: boolean; balance: number }
  | { ok: false; reason: 'insufficient_credits'; balance: number };

/**
 * Applies one ledger entry and its balance change, once per idempotency key: a repeated key
 * changes nothing. Run inside a transaction; the balance check constraint is the last guard.
 */
export async function applyLedgerChange(tx: DbOrTx, change: LedgerChange): Promise<LedgerResult> {
  const [account] = await tx
    .select({ balance: creditAccounts.balance })
    .from(creditAccounts)
    .where(eq(creditAccounts.userId, change.userId))
    .for('update');
  const balance = account?.balance ?? 0;
  const [existing] = await tx
    .select({ id: creditLedger.id })
    .from(creditLedger)
    .where(eq(creditLedger.idempotencyKey, change.idempotencyKey));
  if (existing) return { ok: true, applied: false, balance };
  if (balance + change.delta < 0) return { ok: false, reason: 'insufficient_credits', balance };

  await tx.insert(creditLedger).values({
    userId: change.userId,
    delta: change.delta,
    reason: change.reason,
    idempotencyKey: change.idempotencyKey,
    note: change.note ?? null,
    inviteId: change.inviteId ?? null,
    sessionId: change.sessionId ?? null,
    createdAt: change.at,
  });
  const [updated] = account
    ? await tx
        .update(creditAccounts)
        .set({ balance: sql`${creditAccounts.balance} + ${change.delta}` })
        .where(eq(creditAccounts.userId, change.userId))
        .returning({ balance: creditAccounts.balance })
    : await tx
        .insert(creditAccounts)
        .values({ userId: change.userId, balance: change.delta })
        .returning({ balance: creditAccounts.balance });
  return { ok: true, applied: true, balance: updated?.balance ?? balance + change.delta };
}

export async function getBalance(db: DbOrTx, userId: string): Promise<number> {
  const [account] = await db
    .select({ balance: creditAccounts.balance })
    .from(creditAccounts)
    .where(eq(creditAccounts.userId, userId));
  return account?.balance ?? 0;
}

export async function getCredits(db: DbOrTx, userId: string) {
  const balance = await getBalance(db, userId);
  const ledger = await db
    .select({
      id: creditLedger.id,
      delta: creditLedger.delta,
      reason: creditLedger.reason,
      inviteId: creditLedger.inviteId,
      sessionId: creditLedger.sessionId,
      createdAt: creditLedger.createdAt,
    })
    .from(creditLedger)
    .where(eq(creditLedger.userId, userId))
    .orderBy(desc(creditLedger.createdAt), desc(creditLedger.id));
  return {
    balance,
    ledger: ledger.map((entry) => ({ ...entry, createdAt: entry.createdAt.toISOString() })),
  };
}
