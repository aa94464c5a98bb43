import { RecordMissingError } from '../src/db/errors.js';
import { and, eq, inArray } from 'drizzle-orm';
import { applyLedgerChange } from '../src/db/queries/credits.js';
import { checkSessionActive, refundOnCancel } from '../src/domain/cancellation.js';
import { toSessionView } from '../src/db/queries/views.js';
import type { Tx } from '../src/db/client.js';
import { findParties } from '../src/db/queries/users.js';
import { calendarBlocks, invites, questionnaires, sessions } from '../src/db/schema.js';
import { renderSessionMessage, type SessionEvent } from '../src/email/session-messages.js';
import type { CancelSessionResult } from '../workflows/messages.js';
import { deliver } from './deliver.js';
import type { ActivityDeps } from './deps.js';

async function sessionView(tx: Tx, sessionId: string) {
  const [session] = await tx.select().from(sessions).where(eq(sessions.id, sessionId));
  if (!session) throw new RecordMissingError(`Session ${sessionId} does not exist`);
  const [questionnaire] = await tx
    .select()
    .from(questionnaires)
    .where(eq(questionnaires.sessionId, sessionId));
  return toSessionView(session, questionnaire ?? null);
}

export type CancelSessionOutcome =
  | ({ ok: true; pendingRescheduleInviteId: string | null } & CancelSessionResult)
  | { ok: false; reason: 'session_not_active' };

/**
 * Cancels a booked session in one transaction at the workflow's moment `at`: marks it, releases its
 * block and refunds what the cancellation policy gives, under the key `refund:session:<id>`. A
 * retry after a commit returns the stored cancellation.
 */
export function cancelSession({ db }: ActivityDeps) {
  return async (input: {
    sessionId: string;
    by: 'coach' | 'client';
    windowMs: number;
    reason: string | null;
    at: string;
  }): Promise<CancelSessionOutcome> =>
    db.transaction(async (tx) => {
      const [session] = await tx
        .select()
        .from(sessions)
        .where(eq(sessions.id, input.sessionId))
        .for('update');
      if (!session) throw new RecordMissingError(`Session ${input.sessionId} does not exist`);
      const [pending] = await tx
        .select({ id: invites.id })
        .from(invites)
        .where(
          and(
            eq(invites.sessionId, session.id),
            eq(invites.kind, 'reschedule'),
            eq(invites.status, 'pending'),
          ),
        );
      const pendingRescheduleInviteId = pending?.id ?? null;
      if (session.status === 'cancelled' && session.cancelledAt?.toISOString() === input.at) {
        const view = await sessionView(tx, session.id);
        return {
          ok: true,
          session: view,
          refundedCredits: session.refundedCredits ?? 0,
          pendingRescheduleInviteId,
        };
      }
      const at = new Date(input.at);
      if (!checkSessionActive(session, at).ok) return { ok: false, reason: 'session_not_active' };
      // Decided on the locked row: an accepted reschedule may have moved the start a moment ago.
      const refund = refundOnCancel({
        by: input.by,
        now: at,
        startsAt: session.startsAt,
        windowMs: input.windowMs,
        creditCost: session.creditCost,
      });
      await tx
        .update(sessions)
        .set({
          status: 'cancelled',
          cancelledBy: input.by,
          cancelledAt: at,
          cancelReason: input.reason,
          refundedCredits: refund,
        })
        .where(eq(sessions.id, session.id));
      await tx
        .update(calendarBlocks)
        .set({ status: 'released', releasedAt: at })
        .where(
          and(
            eq(calendarBlocks.id, session.blockId),
            inArray(calendarBlocks.status, ['held', 'booked']),
          ),
        );
      if (refund > 0) {
        await applyLedgerChange(tx, {
          userId: session.clientId,
          delta: refund,
          reason: 'refund',
          idempotencyKey: `refund:session:${session.id}`,
          sessionId: session.id,
          inviteId: session.inviteId,
          at,
        });
      }
      return {
        ok: true,
        session: await sessionView(tx, session.id),
        refundedCredits: refund,
        pendingRescheduleInviteId,
      };
    });
}

/** At its end a booked session becomes completed (a cancelled one stays cancelled). */
export function completeSession({ db }: ActivityDeps) {
  return async (input: { sessionId: string }): Promise<void> => {
    await db
      .update(sessions)
      .set({ status: 'completed' })
      .where(and(eq(sessions.id, input.sessionId), eq(sessions.status, 'booked')));
  };
}

/**
 * Emails and notifies one party of a session. A questionnaire reminder goes out only while the
 * session is booked and the questionnaire unanswered, whatever raced it.
 */
export function notifySessionParty(deps: ActivityDeps) {
  const { db, appUrl } = deps;
  return async (input: {
    event: SessionEvent;
    recipient: 'client' | 'coach';
    sessionId: string;
    keySuffix: string;
  }): Promise<'sent' | 'skipped'> => {
    const [row] = await db
      .select({ session: sessions, questionnaireStatus: questionnaires.status })
      .from(sessions)
      .leftJoin(questionnaires, eq(questionnaires.sessionId, sessions.id))
      .where(eq(sessions.id, input.sessionId));
    if (!row) throw new RecordMissingError(`Session ${input.sessionId} does not exist`);
    if (
      input.event === 'questionnaire_reminder' &&
      (row.session.status !== 'booked' ||
        row.questionnaireStatus === 'submitted' ||
        row.session.startsAt <= deps.clock())
    ) {
      return 'skipped';
    }
    const { coach, client } = await findParties(db, row.session);
    const message = renderSessionMessage({
      event: input.event,
      recipient: input.recipient,
      appUrl,
      coach,
      client,
      session: row.session,
    });
    const person = input.recipient === 'client' ? client : coach;
    await deliver(deps, {
      key: `${input.event}:${row.session.id}:${input.keySuffix}:${person.id}`,
      type: input.event,
      person,
      message,
    });
    return 'sent';
  };
}
