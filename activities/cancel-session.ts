import { applyLedgerChange } from '../src/db/queries/credits.js';
import { pendingRescheduleOf } from '../src/db/queries/invites.js';
import { getSessionView, lockSession, markSessionCancelled } from '../src/db/queries/sessions.js';
import { RecordMissingError } from '../src/db/errors.js';
import { recordWebhookEvent } from '../src/db/queries/webhook-outbox.js';
import { isSessionActive, refundOnCancel } from '../src/domain/cancellation.js';
import type { Party } from '../src/domain/model.js';
import type { SessionView } from '../src/domain/views.js';
import type { ActivityDeps } from './deps.js';

export interface CancelSessionInput {
  sessionId: string;
  by: Party;
  windowMs: number;
  reason: string | null;
  /** The workflow's moment of cancelling: the policy is applied at it. */
  at: string;
}

export type CancelSessionOutcome =
  | {
      ok: true;
      session: SessionView;
      refundedCredits: number;
      pendingRescheduleInviteId: string | null;
    }
  | { ok: false; reason: 'session_not_active' };

/**
 * Cancels a booked session in one transaction at the workflow's moment `at`: marks it, releases its
 * block and refunds what the cancellation policy gives, under the key `refund:session:<id>`. A
 * retry or re-run after a commit returns the stored cancellation.
 */
export function cancelSession({ db }: ActivityDeps) {
  return async (input: CancelSessionInput): Promise<CancelSessionOutcome> =>
    db.transaction(async (tx) => {
      const session = await lockSession(tx, input.sessionId);
      if (!session) throw new RecordMissingError(`Session ${input.sessionId} does not exist`);
      const pendingRescheduleInviteId = await pendingRescheduleOf(tx, session.id);
      const at = new Date(input.at);
      // Only this session's workflow cancels it, one cancellation at a time: a cancelled row of
      // the same party's is this step's own, committed by an attempt whose answer was lost (a
      // local activity re-run in a later workflow task carries that task's `at`).
      const retried = session.status === 'cancelled' && session.cancelledBy === input.by;
      if (!retried) {
        if (!isSessionActive(session, at)) return { ok: false, reason: 'session_not_active' };
        // Decided on the locked row: an accepted reschedule may have moved the start a moment ago.
        const refund = refundOnCancel({
          by: input.by,
          now: at,
          startsAt: session.startsAt,
          windowMs: input.windowMs,
          creditCost: session.creditCost,
        });
        await markSessionCancelled(tx, session, {
          by: input.by,
          at,
          reason: input.reason,
          refundedCredits: refund,
        });
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
      }
      const view = await getSessionView(tx, session.id);
      if (!retried) {
        const key = `session.cancelled:${session.id}`;
        await recordWebhookEvent(tx, { type: 'session.cancelled', key, data: view, at });
      }
      const refundedCredits = view.cancellation?.refundedCredits ?? 0;
      return { ok: true, session: view, refundedCredits, pendingRescheduleInviteId };
    });
}
