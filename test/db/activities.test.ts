import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCredits } from '../../src/db/queries/credits.js';
import { invites, sessions } from '../../src/db/schema.js';
import type { InviteInput } from '../../src/domain/inputs.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { activitiesOver, buildInviteInput, seedPerson } from '../support/fixtures.js';

const HOUR = 3_600_000;
let database: TestDatabase;
let activities: ReturnType<typeof activitiesOver>;

beforeAll(async () => {
  database = await createTestDatabase();
  activities = activitiesOver(database.db);
});
afterAll(() => database.drop());

async function people(credits: number) {
  const coachId = await seedPerson(database.db, 'coach');
  const clientId = await seedPerson(database.db, 'client', { credits });
  return { coachId, clientId };
}

function inviteInput(
  ids: { coachId: string; clientId: string },
  startsInMs: number,
  extra: Omit<Partial<InviteInput>, 'sentAt'> = {},
): InviteInput {
  return buildInviteInput({ ...ids, sentAt: new Date(), startsInMs, ...extra });
}

async function book(credits: number, startsInMs: number, creditCost = 1) {
  const ids = await people(credits);
  const input = inviteInput(ids, startsInMs, { creditCost });
  await activities.holdSlot(input);
  const accepted = await activities.acceptInvite({
    inviteId: input.inviteId,
    sessionId: randomUUID(),
  });
  if (!accepted.ok) throw new Error(accepted.reason);
  return { ...ids, input, session: accepted.session };
}

describe('acceptInvite', () => {
  it('books a free session (SESSION_CREDIT_COST=0) without a ledger entry', async () => {
    const { clientId, session } = await book(0, 48 * HOUR, 0);
    expect(session).toMatchObject({ status: 'booked', creditCost: 0 });
    expect(await getCredits(database.db, clientId)).toEqual({ balance: 0, ledger: [] });
  });
});

describe('cancelSession', () => {
  it('decides the refund on the stored start, which a reschedule may just have moved', async () => {
    const { clientId, session } = await book(1, 72 * HOUR);
    await database.db
      .update(sessions)
      .set({ startsAt: new Date(Date.now() + 10 * HOUR) })
      .where(eq(sessions.id, session.id));
    const cancelled = await activities.cancelSession({
      sessionId: session.id,
      by: 'client',
      windowMs: 24 * HOUR,
      reason: null,
      at: new Date().toISOString(),
    });
    expect(cancelled).toMatchObject({ ok: true, refundedCredits: 0 });
    expect((await getCredits(database.db, clientId)).balance).toBe(0);
  });

  it('answers a re-run of a committed cancellation with it, whatever moment the re-run carries', async () => {
    // A local activity whose workflow task failed after the commit runs again in a later task,
    // with that task's workflow time: it must still find its own cancellation, refunded once.
    const { clientId, session } = await book(1, 72 * HOUR);
    const cancel = (at: Date) =>
      activities.cancelSession({
        sessionId: session.id,
        by: 'client',
        windowMs: 24 * HOUR,
        reason: 'ill',
        at: at.toISOString(),
      });
    const first = await cancel(new Date());
    const rerun = await cancel(new Date(Date.now() + 15_000));
    expect(first).toMatchObject({ ok: true, refundedCredits: 1 });
    expect(rerun).toEqual(first);
    expect((await getCredits(database.db, clientId)).balance).toBe(1);
    const byCoach = await activities.cancelSession({
      sessionId: session.id,
      by: 'coach',
      windowMs: 24 * HOUR,
      reason: null,
      at: new Date().toISOString(),
    });
    expect(byCoach).toEqual({ ok: false, reason: 'session_not_active' });
  });

  it('refuses a session that has started', async () => {
    const { session } = await book(1, 2 * HOUR);
    const later = new Date(Date.parse(session.startsAt) + 60_000).toISOString();
    expect(
      await activities.cancelSession({
        sessionId: session.id,
        by: 'coach',
        windowMs: 24 * HOUR,
        reason: null,
        at: later,
      }),
    ).toEqual({
      ok: false,
      reason: 'session_not_active',
    });
  });
});

describe('a reschedule racing the session’s cancellation', () => {
  it('never leaves a pending reschedule behind a cancelled session', async () => {
    for (let round = 0; round < 5; round++) {
      const { coachId, clientId, input, session } = await book(1, 96 * HOUR);
      const proposal = inviteInput({ coachId, clientId }, 120 * HOUR, {
        kind: 'reschedule',
        sessionId: session.id,
        originalSlot: { startsAt: input.startsAt, endsAt: input.endsAt },
        creditCost: 0,
      });
      const [cancelled, held] = await Promise.allSettled([
        activities.cancelSession({
          sessionId: session.id,
          by: 'coach',
          windowMs: 24 * HOUR,
          reason: null,
          at: new Date().toISOString(),
        }),
        activities.holdSlot(proposal),
      ]);
      expect(cancelled.status).toBe('fulfilled');
      const [row] = await database.db
        .select()
        .from(invites)
        .where(eq(invites.id, proposal.inviteId));
      expect(held.status).toBe('fulfilled');
      if (held.status === 'fulfilled' && held.value.ok) {
        expect(
          cancelled.status === 'fulfilled' &&
            cancelled.value.ok &&
            cancelled.value.pendingRescheduleInviteId,
        ).toBe(proposal.inviteId);
      } else {
        expect(held.status === 'fulfilled' && held.value).toEqual({
          ok: false,
          reason: 'session_not_active',
        });
        expect(row).toBeUndefined();
      }
    }
  });
});
