import { seconds, type Facts } from './facts.js';
import type { Violations } from './invariants.js';

/** One booking charge of the invite's cost for each accepted new invite, none otherwise. */
export function checkCharges(f: Facts, v: Violations): void {
  for (const invite of f.snapshot.invites) {
    const charged = f.charges.get(invite.id) ?? [];
    const accepted = invite.status === 'accepted' && invite.kind === 'new';
    if (accepted && invite.creditCost > 0 && charged.length === 0)
      v.lostCharges.push(`invite ${invite.id}: accepted without a booking charge`);
    if (charged.length > 1 || (charged.length === 1 && charged[0]!.delta !== -invite.creditCost))
      v.doubledCharges.push(
        `invite ${invite.id}: charged ${charged.map((c) => c.delta).join(', ')} for a cost of ${invite.creditCost}`,
      );
    if (charged.length > 0 && (!accepted || !f.sessionOfInvite.has(invite.id)))
      v.chargesWithoutAcceptance.push(`invite ${invite.id}: charged while ${invite.status}`);
  }
  for (const [inviteId, rows] of f.charges) {
    if (inviteId === null || !f.invites.has(inviteId))
      v.chargesWithoutAcceptance.push(`ledger ${rows[0]!.id}: a charge for no invite`);
  }
  for (const session of f.snapshot.sessions) {
    const invite = f.invites.get(session.inviteId);
    if (session.creditCost > 0 && invite?.kind === 'new' && invite.status !== 'accepted')
      v.lostCharges.push(`session ${session.id}: its invite is ${invite.status}, not accepted`);
  }

  const ledgerSum = new Map<string, number>();
  for (const row of f.snapshot.ledger)
    ledgerSum.set(row.userId, (ledgerSum.get(row.userId) ?? 0) + row.delta);
  for (const account of f.snapshot.accounts) {
    const sum = ledgerSum.get(account.userId) ?? 0;
    if (account.balance !== sum || account.balance < 0)
      v.balancesOffLedger.push(`user ${account.userId}: balance ${account.balance}, ledger ${sum}`);
  }
}

/** The cancellation policy applied to the stored start at the moment of cancelling, once. */
export function checkRefunds(f: Facts, v: Violations): void {
  for (const session of f.snapshot.sessions) {
    const rows = f.refunds.get(session.id) ?? [];
    const refunded = rows.reduce((sum, r) => sum + r.delta, 0);
    if (session.status !== 'cancelled') {
      if (rows.length > 0)
        v.wrongRefunds.push(`session ${session.id}: refunded while ${session.status}`);
      continue;
    }
    const notice = session.startsAt.getTime() - session.cancelledAt!.getTime();
    const early = notice >= f.ctx.timings.cancellationWindowMs;
    const due = session.cancelledBy === 'coach' || early ? session.creditCost : 0;
    if (due > 0 && rows.length === 0)
      v.lostRefunds.push(
        `session ${session.id}: cancelled by ${session.cancelledBy}, ${due} due, none refunded`,
      );
    if (rows.length > 1 || refunded > session.creditCost)
      v.doubledRefunds.push(`session ${session.id}: ${rows.length} refunds of ${refunded} in all`);
    else if (rows.length === 1 && refunded !== due)
      v.wrongRefunds.push(
        `session ${session.id}: refunded ${refunded}, policy says ${due} (by ${session.cancelledBy}, ${seconds(notice)} before start)`,
      );
    if ((session.refundedCredits ?? 0) !== refunded && rows.length <= 1)
      v.wrongRefunds.push(
        `session ${session.id}: says ${session.refundedCredits} refunded, ledger ${refunded}`,
      );
  }
  for (const [sessionId, rows] of f.refunds) {
    if (sessionId === null || !f.sessions.has(sessionId))
      v.wrongRefunds.push(`ledger ${rows[0]!.id}: a refund for no session`);
  }
}
