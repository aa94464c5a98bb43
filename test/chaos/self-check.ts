import { randomUUID } from 'node:crypto';
import { and, eq, sql, TransactionRollbackError } from 'drizzle-orm';
import type { Db, Tx } from '../../src/db/client.js';
import {
  calendarBlocks,
  creditAccounts,
  creditLedger,
  emailLog,
  invites,
  notifications,
} from '../../src/db/schema.js';
import { checkInvariants, INVARIANTS, type CheckContext, type Invariant } from './invariants.js';
import { readRows, type Snapshot } from './snapshot.js';

/** Breaks the data one way; `attempt` picks another candidate when an earlier one was excused. */
type Corruption = (tx: Tx, snapshot: Snapshot, attempt: number) => Promise<boolean>;

const sessionWithRefund = (s: Snapshot) =>
  s.sessions.find((x) => s.ledger.some((l) => l.reason === 'refund' && l.sessionId === x.id));
const inviteWith = (s: Snapshot, status: string, kind = 'new') =>
  s.invites.find((i) => i.status === status && i.kind === kind);
const emailWith = (s: Snapshot, template: string) => s.emails.find((e) => e.template === template);

async function forgetEmail(tx: Tx, key: string) {
  await tx.delete(emailLog).where(eq(emailLog.idempotencyKey, key));
  await tx.delete(notifications).where(eq(notifications.key, key));
}

/** One way to break each promise, applied to the real data inside a transaction rolled back after. */
/** Writes a ledger entry of `reason` a second time under a fresh key, as a doubled step would. */
async function repeatLedgerEntry(
  tx: Parameters<Corruption>[0],
  s: Parameters<Corruption>[1],
  reason: 'booking_charge' | 'refund',
): Promise<boolean> {
  const entry = s.ledger.find((l) => l.reason === reason);
  if (!entry) return false;
  await tx
    .insert(creditLedger)
    .values({ ...entry, id: randomUUID(), idempotencyKey: `self-check:${randomUUID()}` });
  return true;
}

const CORRUPTIONS: Record<Invariant, Corruption> = {
  async lostCharges(tx, s) {
    const charge = s.ledger.find((l) => l.reason === 'booking_charge');
    if (!charge) return false;
    await tx.delete(creditLedger).where(eq(creditLedger.id, charge.id));
    return true;
  },
  doubledCharges: (tx, s) => repeatLedgerEntry(tx, s, 'booking_charge'),
  async chargesWithoutAcceptance(tx, s) {
    const declined = inviteWith(s, 'declined');
    if (!declined) return false;
    await tx.insert(creditLedger).values({
      userId: declined.clientId,
      delta: -1,
      reason: 'booking_charge',
      idempotencyKey: `self-check:${randomUUID()}`,
      inviteId: declined.id,
    });
    return true;
  },
  async balancesOffLedger(tx, s) {
    const account = s.accounts[0];
    if (!account) return false;
    await tx
      .update(creditAccounts)
      .set({ balance: sql`${creditAccounts.balance} + 1` })
      .where(eq(creditAccounts.userId, account.userId));
    return true;
  },
  async lostRefunds(tx, s) {
    const session = sessionWithRefund(s);
    if (!session) return false;
    await tx
      .delete(creditLedger)
      .where(and(eq(creditLedger.reason, 'refund'), eq(creditLedger.sessionId, session.id)));
    return true;
  },
  doubledRefunds: (tx, s) => repeatLedgerEntry(tx, s, 'refund'),
  async wrongRefunds(tx, s) {
    const booked = s.sessions.find((x) => x.status === 'booked' || x.status === 'completed');
    if (!booked) return false;
    await tx.insert(creditLedger).values({
      userId: booked.clientId,
      delta: 1,
      reason: 'refund',
      idempotencyKey: `self-check:${randomUUID()}`,
      sessionId: booked.id,
    });
    return true;
  },
  async slotsHeldAfterEnd(tx, s) {
    const declined = inviteWith(s, 'declined');
    if (!declined) return false;
    await tx
      .update(calendarBlocks)
      .set({ status: 'held' })
      .where(eq(calendarBlocks.inviteId, declined.id));
    return true;
  },
  async slotsLost(tx, s) {
    const booked = s.sessions.find((x) => x.status === 'booked' || x.status === 'completed');
    if (!booked) return false;
    await tx
      .update(calendarBlocks)
      .set({ status: 'released' })
      .where(eq(calendarBlocks.id, booked.blockId));
    return true;
  },
  async overlappingBlocks(tx, s) {
    const booked = s.blocks.find((b) => b.status === 'booked');
    const invite = booked && s.invites.find((i) => i.id === booked.inviteId);
    if (!booked || !invite) return false;
    // The database refuses this overlap itself; the check must see it if that guard ever went.
    await tx.execute(sql`alter table calendar_blocks drop constraint calendar_blocks_no_overlap`);
    const id = randomUUID();
    await tx
      .insert(invites)
      .values({ ...invite, id, status: 'pending', sessionId: null, workflowId: `invite-${id}` });
    await tx
      .insert(calendarBlocks)
      .values({ ...booked, id, inviteId: id, status: 'held', sessionId: null });
    return true;
  },
  async doubledEmails(_tx, s) {
    const sent = s.resendLog.find((r) => r.answer === 200);
    if (!sent) return false;
    s.resendLog.push({ ...sent, content: 'tampered' });
    return true;
  },
  async lostEmails(tx, s) {
    const email = emailWith(s, 'invite_declined') ?? emailWith(s, 'invite_sent');
    if (!email) return false;
    await forgetEmail(tx, email.idempotencyKey);
    return true;
  },
  async lostReminders(tx, s, attempt) {
    // A reminder due while the worker or a server was away is excused; another invite may not be.
    const expired = new Set(s.invites.filter((i) => i.status === 'expired').map((i) => i.id));
    const reminder = s.emails.filter(
      (e) => e.template === 'invite_reminder' && expired.has(e.idempotencyKey.split(':')[1]!),
    )[attempt];
    if (!reminder) return false;
    await forgetEmail(tx, reminder.idempotencyKey);
    return true;
  },
  async lateExpiries(tx, s, attempt) {
    const expired = s.invites.filter((i) => i.status === 'expired')[attempt];
    if (!expired) return false;
    await tx
      .update(calendarBlocks)
      .set({ releasedAt: new Date(expired.expiresAt.getTime() + 120_000) })
      .where(eq(calendarBlocks.inviteId, expired.id));
    return true;
  },
  async pendingLeftBehind(tx, s) {
    const expired = inviteWith(s, 'expired');
    if (!expired) return false;
    await tx.update(invites).set({ status: 'pending' }).where(eq(invites.id, expired.id));
    return true;
  },
  async answersContradicted(tx, s) {
    const declined = inviteWith(s, 'declined');
    if (!declined) return false;
    await tx.update(invites).set({ status: 'expired' }).where(eq(invites.id, declined.id));
    return true;
  },
  async leftByFailedCreates(tx, s) {
    const any = s.invites[0];
    if (!any) return false;
    const id = randomUUID();
    await tx.insert(invites).values({ ...any, id, status: 'pending', workflowId: `invite-${id}` });
    return true;
  },
};

export interface SelfCheckRow {
  invariant: string;
  before: number;
  after: number | null;
}

async function countCorrupted(
  db: Db,
  snapshot: Snapshot,
  ctx: CheckContext,
  invariant: Invariant,
  attempt: number,
): Promise<number | null> {
  let count: number | null = null;
  await db
    .transaction(async (tx) => {
      const copy: Snapshot = { ...snapshot, resendLog: [...snapshot.resendLog] };
      if (await CORRUPTIONS[invariant](tx, copy, attempt)) {
        count = checkInvariants({ ...copy, ...(await readRows(tx)) }, ctx)[invariant].length;
      }
      tx.rollback();
    })
    .catch((error: unknown) => {
      if (!(error instanceof TransactionRollbackError)) throw error;
    });
  return count;
}

/**
 * Shows that every invariant can fail: for each, breaks the real data the way it forbids, inside
 * a transaction that is rolled back, and counts again.
 */
export async function selfCheck(
  db: Db,
  snapshot: Snapshot,
  ctx: CheckContext,
): Promise<SelfCheckRow[]> {
  const before = checkInvariants(snapshot, ctx);
  const rows: SelfCheckRow[] = [];
  for (const invariant of Object.keys(CORRUPTIONS) as Invariant[]) {
    let after: number | null = null;
    for (let attempt = 0; attempt < 20 && (after ?? 0) <= before[invariant].length; attempt++) {
      const counted = await countCorrupted(db, snapshot, ctx, invariant, attempt);
      if (counted === null) break;
      after = counted;
    }
    rows.push({ invariant: INVARIANTS[invariant], before: before[invariant].length, after });
  }
  return rows;
}
