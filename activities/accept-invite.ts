import { and, eq } from 'drizzle-orm';
import { applyLedgerChange } from '../src/db/queries/credits.js';
import { lockInvite } from '../src/db/queries/invites.js';
import { toInviteView, toSessionView } from '../src/db/queries/views.js';
import type { Tx } from '../src/db/client.js';
import { calendarBlocks, invites, questionnaires, sessions } from '../src/db/schema.js';
import type { AcceptResult } from '../src/domain/views.js';
import type { ActivityDeps } from './deps.js';

export type AcceptOutcome =
  | ({ ok: true } & AcceptResult)
  | { ok: false; reason: 'insufficient_credits' | 'invite_not_pending' | 'session_not_active' };

type InviteRow = typeof invites.$inferSelect;

async function sessionResult(tx: Tx, invite: InviteRow, sessionId: string): Promise<AcceptOutcome> {
  const [session] = await tx.select().from(sessions).where(eq(sessions.id, sessionId));
  const [questionnaire] = await tx
    .select()
    .from(questionnaires)
    .where(eq(questionnaires.sessionId, sessionId));
  return {
    ok: true,
    invite: toInviteView(invite),
    session: toSessionView(session!, questionnaire ?? null),
  };
}

async function bookNewSession(
  tx: Tx,
  invite: InviteRow,
  sessionId: string,
  now: Date,
): Promise<AcceptOutcome> {
  if (invite.creditCost > 0) {
    const charge = await applyLedgerChange(tx, {
      userId: invite.clientId,
      delta: -invite.creditCost,
      reason: 'booking_charge',
      idempotencyKey: `booking_charge:invite:${invite.id}`,
      inviteId: invite.id,
      sessionId,
      at: now,
    });
    if (!charge.ok) return { ok: false, reason: 'insufficient_credits' };
  }
  await tx.insert(sessions).values({
    id: sessionId,
    inviteId: invite.id,
    coachId: invite.coachId,
    clientId: invite.clientId,
    blockId: invite.id,
    startsAt: invite.startsAt,
    endsAt: invite.endsAt,
    status: 'booked',
    creditCost: invite.creditCost,
    createdAt: now,
  });
  await tx.insert(questionnaires).values({ sessionId, status: 'pending' });
  await tx
    .update(calendarBlocks)
    .set({ status: 'booked', sessionId })
    .where(and(eq(calendarBlocks.inviteId, invite.id), eq(calendarBlocks.status, 'held')));
  return { ok: true } as AcceptOutcome;
}

async function moveSession(tx: Tx, invite: InviteRow, now: Date): Promise<AcceptOutcome> {
  const [session] = await tx
    .select()
    .from(sessions)
    .where(eq(sessions.id, invite.sessionId!))
    .for('update');
  if (!session || session.status !== 'booked' || session.startsAt <= now)
    return { ok: false, reason: 'session_not_active' };
  await tx
    .update(calendarBlocks)
    .set({ status: 'released', releasedAt: now })
    .where(eq(calendarBlocks.id, session.blockId));
  await tx
    .update(calendarBlocks)
    .set({ status: 'booked' })
    .where(eq(calendarBlocks.inviteId, invite.id));
  await tx
    .update(sessions)
    .set({ startsAt: invite.startsAt, endsAt: invite.endsAt, blockId: invite.id })
    .where(eq(sessions.id, session.id));
  return { ok: true } as AcceptOutcome;
}

/**
 * Acceptance as one transaction keyed by the invite: charge the ledger, book the block, create the
 * session and mark the invite (for a reschedule: move the session, no credits). A retry after a
 * commit finds the invite accepted and returns the same session.
 */
export function acceptInvite({ db, clock }: ActivityDeps) {
  return async (input: { inviteId: string; sessionId: string }): Promise<AcceptOutcome> =>
    db.transaction(async (tx) => {
      const invite = await lockInvite(tx, input.inviteId);
      if (invite.status === 'accepted') return sessionResult(tx, invite, invite.sessionId!);
      if (invite.status !== 'pending') return { ok: false, reason: 'invite_not_pending' };

      const now = clock();
      const sessionId = invite.kind === 'reschedule' ? invite.sessionId! : input.sessionId;
      const step =
        invite.kind === 'reschedule'
          ? await moveSession(tx, invite, now)
          : await bookNewSession(tx, invite, sessionId, now);
      if (!step.ok) return step;
      const [accepted] = await tx
        .update(invites)
        .set({ status: 'accepted', respondedAt: now, sessionId })
        .where(eq(invites.id, invite.id))
        .returning();
      return sessionResult(tx, accepted!, sessionId);
    });
}
