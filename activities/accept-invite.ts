import { isSessionActive } from '../src/domain/cancellation.js';
import type { Tx } from '../src/db/client.js';
import { applyLedgerChange } from '../src/db/queries/credits.js';
import { lockInvite, markInviteAccepted, type InviteRow } from '../src/db/queries/invites.js';
import {
  bookAcceptedInvite,
  getSessionView,
  lockSession,
  moveSessionTo,
} from '../src/db/queries/sessions.js';
import { toInviteView } from '../src/db/queries/views.js';
import { inviteEvent, recordWebhookEvents } from '../src/db/queries/webhook-outbox.js';
import type { SessionPolicy } from '../src/domain/inputs.js';
import type { AcceptResult, SessionView } from '../src/domain/views.js';
import type { ActivityDeps } from './deps.js';

export interface AcceptInput {
  inviteId: string;
  sessionId: string;
  /** Given when the step starts a new session's workflow itself, with the invite's policy. */
  sessionPolicy?: SessionPolicy;
}

type Refusal = 'insufficient_credits' | 'invite_not_pending' | 'session_not_active';
export type AcceptOutcome = ({ ok: true } & AcceptResult) | { ok: false; reason: Refusal };

/** Charges the client for a new session (nothing for a free one); false when they cannot afford it. */
async function charge(tx: Tx, invite: InviteRow, sessionId: string, at: Date): Promise<boolean> {
  if (invite.creditCost <= 0) return true;
  const charged = await applyLedgerChange(tx, {
    userId: invite.clientId,
    delta: -invite.creditCost,
    reason: 'booking_charge',
    idempotencyKey: `booking_charge:invite:${invite.id}`,
    inviteId: invite.id,
    sessionId,
    at,
  });
  return charged.ok;
}

/** Books the invite's block as a new session and marks the invite accepted, in one statement. */
async function bookNewSession(tx: Tx, invite: InviteRow, sessionId: string, at: Date) {
  if (!(await charge(tx, invite, sessionId, at)))
    return { ok: false, reason: 'insufficient_credits' } as const;
  return { ok: true, ...(await bookAcceptedInvite(tx, invite, sessionId, at)) } as const;
}

/** Moves the invite's session to its new slot, while the session is still booked and ahead. */
async function moveSession(tx: Tx, invite: InviteRow, at: Date) {
  const session = await lockSession(tx, invite.sessionId!);
  if (!session || !isSessionActive(session, at))
    return { ok: false, reason: 'session_not_active' } as const;
  await moveSessionTo(tx, session, invite, at);
  const answered = await markInviteAccepted(tx, invite.id, session.id, at);
  return { ok: true, invite: answered, session: await getSessionView(tx, session.id) } as const;
}

/**
 * The outbox's side of an acceptance, in one statement: the invite's answer and what it did to the
 * session (the session as recorded, which is also the acceptance's answer).
 */
async function recordAcceptance(tx: Tx, invite: InviteRow, session: SessionView, at: Date) {
  const type = invite.kind === 'reschedule' ? 'session.rescheduled' : 'session.booked';
  await recordWebhookEvents(tx, [
    inviteEvent('invite.accepted', toInviteView(invite), at),
    { type, key: `${type}:${invite.id}`, data: session, at },
  ]);
}

const accepted = (invite: InviteRow, session: SessionView): AcceptOutcome => ({
  ok: true,
  invite: toInviteView(invite),
  session,
});

/**
 * Acceptance as one transaction keyed by the invite: charge the ledger, book the block, create the
 * session and mark the invite (for a reschedule: move the session, no credits). A retry after a
 * commit finds the invite accepted and returns the same session. Given the session's policy, a new
 * session's workflow is started once the transaction has committed.
 */
export function acceptInvite({ db, clock, startSessionWorkflow }: ActivityDeps) {
  const acceptOnce = (input: AcceptInput): Promise<AcceptOutcome> =>
    db.transaction(async (tx) => {
      const invite = await lockInvite(tx, input.inviteId);
      if (invite.status === 'pending') {
        const at = clock();
        const step =
          invite.kind === 'reschedule'
            ? await moveSession(tx, invite, at)
            : await bookNewSession(tx, invite, input.sessionId, at);
        if (!step.ok) return step;
        await recordAcceptance(tx, step.invite, step.session, at);
        return accepted(step.invite, step.session);
      }
      if (invite.status !== 'accepted') return { ok: false, reason: 'invite_not_pending' };
      return accepted(invite, await getSessionView(tx, invite.sessionId!));
    });
  return async (input: AcceptInput): Promise<AcceptOutcome> => {
    const outcome = await acceptOnce(input);
    // After the commit, and again on every retry: the start is done once the step has answered.
    if (outcome.ok && input.sessionPolicy)
      await startSessionWorkflow(outcome.session, input.sessionPolicy);
    return outcome;
  };
}
