import { desc, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../client.js';
import { utcParam } from '../columns.js';
import { preparedStatement } from '../prepared.js';
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

/** What the one ledger statement saw and did. */
type LedgerAttempt = { applied: boolean; keySeen: boolean; affordable: boolean; balance: number };

/**
 * Applies one ledger entry and its balance change, once per idempotency key: a repeated key
 * changes nothing. Run inside a transaction; the balance check constraint is the last guard.
 */
export async function applyLedgerChange(tx: DbOrTx, change: LedgerChange): Promise<LedgerResult> {
  const attempt = await attemptLedgerChange(tx, change);
  if (attempt.applied || attempt.keySeen)
    return { ok: true, applied: attempt.applied, balance: attempt.balance };
  // Refused for the balance, or the key was committed by a concurrent call after this
  // statement's snapshot: a fresh statement sees which.
  const late = await committedEntry(tx, change);
  if (late.keyApplied) return { ok: true, applied: false, balance: late.balance };
  if (!attempt.affordable)
    return { ok: false, reason: 'insufficient_credits', balance: attempt.balance };
  throw new Error(`Ledger entry ${change.idempotencyKey} was neither written nor found`);
}

/**
 * One statement: locks the account row (its latest version, whatever the snapshot), writes the
 * entry when the key is new and the balance affords it, and changes the balance only when the
 * entry was written. `on conflict do nothing` catches a key committed after the snapshot, which
 * the snapshot's own lookup cannot see.
 */
async function attemptLedgerChange(tx: DbOrTx, change: LedgerChange): Promise<LedgerAttempt> {
  const { delta, userId } = change;
  const [row] = await tx.execute<LedgerAttempt>(sql`
    with account as materialized (
      select ${creditAccounts.balance} as balance from ${creditAccounts}
      where ${creditAccounts.userId} = ${userId}
      for update
    ),
    decision as materialized (
      select coalesce((select balance from account), 0) as balance,
             exists (select 1 from ${creditLedger}
                     where ${creditLedger.idempotencyKey} = ${change.idempotencyKey}) as key_seen,
             coalesce((select balance from account), 0) + ${delta}::integer >= 0 as affordable
    ),
    entry as (
      insert into ${creditLedger}
        (user_id, delta, reason, idempotency_key, note, invite_id, session_id, created_at)
      select ${userId}::uuid, ${delta}::integer, ${change.reason}::ledger_reason,
             ${change.idempotencyKey}, ${change.note ?? null}::text, ${change.inviteId ?? null}::uuid,
             ${change.sessionId ?? null}::uuid, ${utcParam(change.at)}
      from decision where not decision.key_seen and decision.affordable
      on conflict (idempotency_key) do nothing
      returning delta
    ),
    charged as (
      update ${creditAccounts} set balance = ${creditAccounts.balance} + entry.delta
      from entry where ${creditAccounts.userId} = ${userId}
        and exists (select 1 from account)
      returning ${creditAccounts.balance} as balance
    ),
    opened as (
      insert into ${creditAccounts} (user_id, balance)
      select ${userId}::uuid, entry.delta from entry
      where not exists (select 1 from account)
      on conflict (user_id) do update set balance = ${creditAccounts.balance} + excluded.balance
      returning ${creditAccounts.balance} as balance
    )
    select exists (select 1 from entry) as "applied",
           decision.key_seen as "keySeen",
           decision.affordable as "affordable",
           coalesce((select balance from charged), (select balance from opened), decision.balance)
             as "balance"
    from decision`);
  return row!;
}

/** The key and balance as committed now: for the rare attempt that neither wrote nor saw its key. */
async function committedEntry(tx: DbOrTx, change: LedgerChange) {
  const [row] = await tx.execute<{ keyApplied: boolean; balance: number }>(sql`
    select exists (select 1 from ${creditLedger}
                   where ${creditLedger.idempotencyKey} = ${change.idempotencyKey}) as "keyApplied",
           coalesce((select ${creditAccounts.balance} from ${creditAccounts}
                     where ${creditAccounts.userId} = ${change.userId}), 0) as "balance"`);
  return row!;
}

const balanceOf = preparedStatement((db) =>
  db
    .select({ balance: creditAccounts.balance })
    .from(creditAccounts)
    .where(eq(creditAccounts.userId, sql.placeholder('userId')))
    .prepare('get_balance'),
);

export async function getBalance(db: Db, userId: string): Promise<number> {
  const [account] = await balanceOf(db).execute({ userId });
  return account?.balance ?? 0;
}

export async function getCredits(db: Db, userId: string) {
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
