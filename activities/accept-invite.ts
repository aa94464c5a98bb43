import { isSessionActive } from '../src/domain/cancellation.js';
import type { Tx } from '../src/db/client.js';
import { applyLedgerChange } from '../src/db/queries/credits.js';
import { lockInvite, markInviteAccepted, type InviteRow } from '../src/db/queries/invites.js';
import {
  getSessionView,
  insertBookedSession,
  lockSession,
  moveSessionTo,
} from '../src/db/queries/sessions.js';
import { toInviteView } from '../src/db/queries/views.js';
import { recordInviteEvent, recordWebhookEvent } from '../src/db/queries/webhook-outbox.js';
import type { AcceptResult, SessionView } from '../src/domain/views.js';
import type { ActivityDeps } from './deps.js';

type Refusal = 'insufficient_credits' | 'invite_not_pending' | 'session_not_active';
export type AcceptOutcome = ({ ok: true } & AcceptResult) | { ok: false; reason: Refusal };
type Step = { ok: true } | { ok: false; reason: Refusal };

/** Charges the client (nothing for a free session) and books the invite's block as a new session. */
async function bookNewSession(
  tx: Tx,
  invite: InviteRow,
  sessionId: string,
  at: Date,
): Promise<Step> {
  if (invite.creditCost > 0) {
    const charge = await applyLedgerChange(tx, {
      userId: invite.clientId,
      delta: -invite.creditCost,
      reason: 'booking_charge',
      idempotencyKey: `booking_charge:invite:${invite.id}`,
      inviteId: invite.id,
      sessionId,
      at,
    });
    if (!charge.ok) return { ok: false, reason: 'insufficient_credits' };
  }
  await insertBookedSession(tx, invite, sessionId, at);
  return { ok: true };
}

/** Moves the invite's session to its new slot, while the session is still booked and ahead. */
async function moveSession(tx: Tx, invite: InviteRow, at: Date): Promise<Step> {
  const session = await lockSession(tx, invite.sessionId!);
  if (!session || !isSessionActive(session, at)) return { ok: false, reason: 'session_not_active' };
  await moveSessionTo(tx, session, invite, at);
  return { ok: true };
}

/**
 * The outbox's side of an acceptance: the invite's answer and what it did to the session. Returns
 * the session as recorded, which is also the acceptance's answer.
 */
async function recordAcceptance(tx: Tx, invite: InviteRow, at: Date): Promise<SessionView> {
  await recordInviteEvent(tx, 'invite.accepted', toInviteView(invite), at);
  const session = await getSessionView(tx, invite.sessionId!);
  const type = invite.kind === 'reschedule' ? 'session.rescheduled' : 'session.booked';
  await recordWebhookEvent(tx, { type, key: `${type}:${invite.id}`, data: session, at });
  return session;
}

const accepted = (invite: InviteRow, session: SessionView): AcceptOutcome => ({
  ok: true,
  invite: toInviteView(invite),
  session,
});

/**
 * Acceptance as one transaction keyed by the invite: charge the ledger, book the block, create the
 * session and mark the invite (for a reschedule: move the session, no credits). A retry after a
 * commit finds the invite accepted and returns the same session.
 */
export function acceptInvite({ db, clock }: ActivityDeps) {
  return async (input: { inviteId: string; sessionId: string }): Promise<AcceptOutcome> =>
    db.transaction(async (tx) => {
      const invite = await lockInvite(tx, input.inviteId);
      if (invite.status === 'pending') {
        const at = clock();
        const sessionId = invite.kind === 'reschedule' ? invite.sessionId! : input.sessionId;
        const step =
          invite.kind === 'reschedule'
            ? await moveSession(tx, invite, at)
            : await bookNewSession(tx, invite, sessionId, at);
        if (!step.ok) return step;
        const answered = await markInviteAccepted(tx, invite.id, sessionId, at);
        return accepted(answered, await recordAcceptance(tx, answered, at));
      }
      if (invite.status !== 'accepted') return { ok: false, reason: 'invite_not_pending' };
      return accepted(invite, await getSessionView(tx, invite.sessionId!));
    });
}
