import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCredits } from '../../src/db/queries/credits.js';
import { replaceQuestions } from '../../src/db/queries/question-sets.js';
import {
  calendarBlocks,
  invites,
  questionnaires,
  questionSets,
  sessions,
} from '../../src/db/schema.js';
import { DEFAULT_QUESTIONS, type Question } from '../../src/domain/questions.js';
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
  return { ...ids, input, accepted, session: accepted.session };
}

describe('holdSlot', () => {
  it('answers a retry after its commit with the same invite, holding one block', async () => {
    const input = inviteInput(await people(1), 30 * HOUR);
    const first = await activities.holdSlot(input);
    const retried = await activities.holdSlot(input);
    expect(first.ok).toBe(true);
    expect(retried).toEqual(first);
    const blocks = await database.db
      .select()
      .from(calendarBlocks)
      .where(eq(calendarBlocks.inviteId, input.inviteId));
    expect(blocks).toMatchObject([{ status: 'held' }]);
  });

  it('answers a retry with the invite as it is now, also once it was accepted', async () => {
    const { input } = await book(1, 34 * HOUR);
    const retried = await activities.holdSlot(input);
    expect(retried).toMatchObject({ ok: true, invite: { id: input.inviteId, status: 'accepted' } });
  });

  it('refuses an overlapping slot of the same coach, leaving nothing behind', async () => {
    const ids = await people(1);
    await activities.holdSlot(inviteInput(ids, 38 * HOUR));
    const overlapping = inviteInput(ids, 38 * HOUR + HOUR / 2);
    expect(await activities.holdSlot(overlapping)).toEqual({
      ok: false,
      reason: 'slot_unavailable',
    });
    expect(
      await database.db.select().from(invites).where(eq(invites.id, overlapping.inviteId)),
    ).toEqual([]);
  });
});

describe('acceptInvite', () => {
  it('books a free session (SESSION_CREDIT_COST=0) without a ledger entry', async () => {
    const { clientId, session } = await book(0, 48 * HOUR, 0);
    expect(session).toMatchObject({ status: 'booked', creditCost: 0 });
    expect(await getCredits(database.db, clientId)).toEqual({ balance: 0, ledger: [] });
  });

  it('charges once and answers a retry after its commit with the same session', async () => {
    const { clientId, input, accepted } = await book(2, 52 * HOUR);
    // The retry reads what the first attempt wrote; the first answered what it meant to write.
    const retried = await activities.acceptInvite({
      inviteId: input.inviteId,
      sessionId: randomUUID(),
    });
    expect(retried).toEqual(accepted);
    expect(accepted).toMatchObject({ ok: true, invite: { status: 'accepted' } });
    expect((await getCredits(database.db, clientId)).balance).toBe(1);
  });

  it('refuses when the client cannot afford the session, booking nothing', async () => {
    const ids = await people(0);
    const input = inviteInput(ids, 56 * HOUR);
    await activities.holdSlot(input);
    const sessionId = randomUUID();
    expect(await activities.acceptInvite({ inviteId: input.inviteId, sessionId })).toEqual({
      ok: false,
      reason: 'insufficient_credits',
    });
    expect(await database.db.select().from(sessions).where(eq(sessions.id, sessionId))).toEqual([]);
  });

  it('books with the default questions, then with the set an operator saved', async () => {
    const questionsOf = async (sessionId: string) => {
      const [row] = await database.db
        .select({ questions: questionnaires.questions })
        .from(questionnaires)
        .where(eq(questionnaires.sessionId, sessionId));
      return row?.questions;
    };
    const before = await book(1, 60 * HOUR);
    expect(await questionsOf(before.session.id)).toEqual(DEFAULT_QUESTIONS);
    const questions: Question[] = [
      { id: 'goal', label: 'Your goal?', kind: 'text', required: true },
    ];
    await replaceQuestions(database.db, questions, new Date());
    const after = await book(1, 64 * HOUR);
    expect(await questionsOf(after.session.id)).toEqual(questions);
    expect(await questionsOf(before.session.id)).toEqual(DEFAULT_QUESTIONS);
    await database.db.delete(questionSets);
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
