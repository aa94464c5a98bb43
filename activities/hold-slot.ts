import { isSessionActive } from '../src/domain/cancellation.js';
import { EXCLUSION_VIOLATION, pgErrorCode, UNIQUE_VIOLATION } from '../src/db/errors.js';
import { findInvite, insertHeldInvite } from '../src/db/queries/invites.js';
import { lockSession } from '../src/db/queries/sessions.js';
import { toInviteView } from '../src/db/queries/views.js';
import type { SlotRefusal } from '../src/domain/failures.js';
import type { InviteInput } from '../src/domain/inputs.js';
import type { InviteView } from '../src/domain/views.js';
import type { ActivityDeps } from './deps.js';

export type HoldOutcome = { ok: true; invite: InviteView } | { ok: false; reason: SlotRefusal };

class Refused extends Error {
  constructor(readonly reason: SlotRefusal) {
    super(reason);
  }
}

/**
 * Writes the pending invite and its held calendar block atomically: a new invite in one statement,
 * a reschedule in a transaction. The exclusion constraint refuses an overlap (`slot_unavailable`,
 * leaving nothing behind); a retry after a commit finds the invite and returns it. A reschedule
 * locks its session first, as cancelling does, so a proposal never outlives a session cancelled at
 * the same moment.
 */
export function holdSlot({ db, clock }: ActivityDeps) {
  return async (input: InviteInput): Promise<HoldOutcome> => {
    // A new invite is written straight away, in one statement: a retry after a commit meets the
    // invites primary key (written before the block, so before any overlap) and finds the invite
    // below. A reschedule looks first, as its session may since have ended and would refuse the
    // retry; it then locks its session in a transaction around the same statement.
    const { sessionId } = input;
    if (sessionId) {
      const existing = await findInvite(db, input.inviteId);
      if (existing) return { ok: true, invite: toInviteView(existing) };
    }
    try {
      if (!sessionId) return { ok: true, invite: await insertHeldInvite(db, input) };
      const invite = await db.transaction(async (tx) => {
        const session = await lockSession(tx, sessionId);
        if (!session || !isSessionActive(session, clock())) throw new Refused('session_not_active');
        return insertHeldInvite(tx, input);
      });
      return { ok: true, invite };
    } catch (error) {
      if (error instanceof Refused) return { ok: false, reason: error.reason };
      const code = pgErrorCode(error);
      if (code === EXCLUSION_VIOLATION) return { ok: false, reason: 'slot_unavailable' };
      if (code !== UNIQUE_VIOLATION) throw error;
      const raced = await findInvite(db, input.inviteId);
      if (raced) return { ok: true, invite: toInviteView(raced) };
      if (input.kind === 'reschedule') return { ok: false, reason: 'reschedule_pending' };
      throw error;
    }
  };
}
