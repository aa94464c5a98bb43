import { ApplicationFailure } from '@temporalio/activity';
import { eq } from 'drizzle-orm';
import { EXCLUSION_VIOLATION, pgErrorCode, UNIQUE_VIOLATION } from '../src/db/errors.js';
import { toInviteView } from '../src/db/queries/views.js';
import type { Tx } from '../src/db/client.js';
import { calendarBlocks, invites, sessions } from '../src/db/schema.js';
import type { InviteInput } from '../src/domain/inputs.js';
import type { InviteView } from '../src/domain/views.js';
import type { ActivityDeps } from './deps.js';

/**
 * A reschedule locks its session first, as cancelling does, so a proposal never outlives a session
 * cancelled at the same moment.
 */
async function lockActiveSession(tx: Tx, sessionId: string, now: Date): Promise<void> {
  const [session] = await tx
    .select({ status: sessions.status, startsAt: sessions.startsAt })
    .from(sessions)
    .where(eq(sessions.id, sessionId))
    .for('update');
  if (!session || session.status !== 'booked' || session.startsAt <= now) {
    throw ApplicationFailure.create({
      type: 'session_not_active',
      message: 'The session was cancelled, completed or has started.',
      nonRetryable: true,
    });
  }
}

/**
 * Writes the pending invite and its held calendar block in one transaction. The exclusion
 * constraint refuses an overlap (`slot_unavailable`, leaving nothing behind); a retry after a
 * commit finds the invite and returns it.
 */
export function holdSlot({ db, clock }: ActivityDeps) {
  return async (input: InviteInput): Promise<InviteView> => {
    const [existing] = await db.select().from(invites).where(eq(invites.id, input.inviteId));
    if (existing) return toInviteView(existing);
    try {
      const invite = await db.transaction(async (tx) => {
        if (input.sessionId) await lockActiveSession(tx, input.sessionId, clock());
        const [row] = await tx
          .insert(invites)
          .values({
            id: input.inviteId,
            kind: input.kind,
            coachId: input.coachId,
            clientId: input.clientId,
            sessionId: input.sessionId,
            startsAt: new Date(input.startsAt),
            endsAt: new Date(input.endsAt),
            creditCost: input.creditCost,
            message: input.message,
            status: 'pending',
            expiresAt: new Date(input.expiresAt),
            createdAt: new Date(input.sentAt),
            workflowId: `invite-${input.inviteId}`,
          })
          .returning();
        await tx.insert(calendarBlocks).values({
          id: input.inviteId,
          coachId: input.coachId,
          startsAt: new Date(input.startsAt),
          endsAt: new Date(input.endsAt),
          status: 'held',
          inviteId: input.inviteId,
          sessionId: input.sessionId,
        });
        return row!;
      });
      return toInviteView(invite);
    } catch (error) {
      const code = pgErrorCode(error);
      if (code === EXCLUSION_VIOLATION) {
        throw ApplicationFailure.create({
          type: 'slot_unavailable',
          message: 'The coach already has a held or booked slot that overlaps this one.',
          nonRetryable: true,
        });
      }
      if (code === UNIQUE_VIOLATION) {
        const [raced] = await db.select().from(invites).where(eq(invites.id, input.inviteId));
        if (raced) return toInviteView(raced);
      }
      if (code === UNIQUE_VIOLATION && input.kind === 'reschedule') {
        throw ApplicationFailure.create({
          type: 'reschedule_pending',
          message: 'The session already has a pending reschedule invite.',
          nonRetryable: true,
        });
      }
      throw error;
    }
  };
}
