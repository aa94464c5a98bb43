import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitQuestionnaire } from '../../src/db/queries/questionnaires.js';
import { creditLedger, emailLog, sessions } from '../../src/db/schema.js';
import { inviteExpiresAt } from '../../src/domain/invite-timing.js';
import { questionnaireSubmittedSignal, sessionStateQuery } from '../../workflows/messages.js';
import type { InviteInput } from '../../src/domain/inputs.js';
import type { sessionWorkflow } from '../../workflows/session.js';
import { DAY, HOUR, startTimeSkipping, type TimeSkipping } from '../support/time-skipping.js';

let ts: TimeSkipping;
beforeAll(async () => {
  ts = await startTimeSkipping();
});
afterAll(() => ts.close());

const MINUTE = 60_000;

/**
 * Books a session through the real holdSlot and acceptInvite activities, the acceptance starting
 * the session's workflow as it does in the invite's workflow.
 */
async function bookSession(startsInMs: number) {
  const input = await ts.inviteInput(startsInMs, 1);
  await ts.activities.holdSlot(input);
  const accepted = await ts.activities.acceptInvite({
    inviteId: input.inviteId,
    sessionId: crypto.randomUUID(),
    sessionPolicy: input.sessionPolicy!,
  });
  if (!accepted.ok) throw new Error(accepted.reason);
  const sessionId = accepted.session.id;
  const session = ts.env.client.workflow.getHandle<typeof sessionWorkflow>(`session-${sessionId}`);
  return { input, sessionId, session };
}
const reminders = async (sessionId: string) =>
  (
    await ts.db
      .select({ key: emailLog.idempotencyKey })
      .from(emailLog)
      .where(eq(emailLog.template, 'questionnaire_reminder'))
  ).filter((row) => row.key.includes(sessionId));
/** Moves server time to `at`. */
const skipTo = async (at: number) => ts.env.sleep(at - (await ts.now()).getTime());
const sessionRow = async (sessionId: string) =>
  (await ts.db.select().from(sessions).where(eq(sessions.id, sessionId)))[0];

describe('sessionWorkflow timing (time-skipping)', () => {
  it('reminds 72h and 24h before the start, once each, and completes at the end', async () => {
    const { input, sessionId, session } = await bookSession(10 * DAY);
    const start = Date.parse(input.startsAt);
    const end = Date.parse(input.endsAt);
    await skipTo(start - 72 * HOUR - MINUTE);
    expect(await reminders(sessionId)).toHaveLength(0);
    await skipTo(start - 72 * HOUR + MINUTE);
    expect(await reminders(sessionId)).toHaveLength(1);
    await skipTo(start - 24 * HOUR - MINUTE);
    expect(await reminders(sessionId)).toHaveLength(1);
    await skipTo(start - 24 * HOUR + MINUTE);
    expect(await reminders(sessionId)).toHaveLength(2);
    await skipTo(end - MINUTE);
    expect((await sessionRow(sessionId))?.status).toBe('booked');
    expect(await session.result()).toBe('completed');
    expect((await sessionRow(sessionId))?.status).toBe('completed');
    expect(await reminders(sessionId)).toHaveLength(2);
  });

  it('skips reminder moments already past when the session is booked', async () => {
    const { input, sessionId, session } = await bookSession(48 * HOUR);
    expect((await session.query(sessionStateQuery)).nextReminderAt).toBe(
      new Date(Date.parse(input.startsAt) - 24 * HOUR).toISOString(),
    );
    await skipTo(Date.parse(input.startsAt) - 24 * HOUR + MINUTE);
    expect(await reminders(sessionId)).toHaveLength(1);
    await skipTo(Date.parse(input.endsAt) - MINUTE);
    expect(await session.result()).toBe('completed');
    expect(await reminders(sessionId)).toHaveLength(1);
  });

  it('sends no reminder once the questionnaire is submitted', async () => {
    const { input, sessionId, session } = await bookSession(10 * DAY);
    await submitQuestionnaire(ts.db, {
      sessionId,
      clientId: input.clientId,
      answers: { goal: 'focus' },
      now: new Date(),
    });
    await session.signal(questionnaireSubmittedSignal);
    await skipTo(Date.parse(input.endsAt) - MINUTE);
    expect(await session.result()).toBe('completed');
    expect(await reminders(sessionId)).toHaveLength(0);
  });

  it('stops reminders and refunds per policy when cancelled early by the client', async () => {
    const { input, sessionId, session } = await bookSession(10 * DAY);
    await skipTo(Date.parse(input.startsAt) - 5 * DAY);
    await session.signal('cancel', { by: { role: 'client', id: input.clientId }, reason: 'sick' });
    expect(await session.result()).toBe('cancelled');
    expect(await reminders(sessionId)).toHaveLength(0);
    const refunds = await ts.db
      .select()
      .from(creditLedger)
      .where(eq(creditLedger.sessionId, sessionId));
    expect(refunds.map((row) => [row.reason, row.delta]).sort()).toEqual([
      ['booking_charge', -1],
      ['refund', 1],
    ]);
  });

  it('moves its timers when a reschedule is accepted', async () => {
    const { input, sessionId, session } = await bookSession(10 * DAY);
    const now = await ts.now();
    const newStart = Date.parse(input.startsAt) + 5 * DAY;
    const reschedule: InviteInput = {
      ...input,
      inviteId: crypto.randomUUID(),
      kind: 'reschedule',
      sessionId,
      originalSlot: { startsAt: input.startsAt, endsAt: input.endsAt },
      startsAt: new Date(newStart).toISOString(),
      endsAt: new Date(newStart + HOUR).toISOString(),
      creditCost: 0,
      sentAt: now.toISOString(),
      expiresAt: inviteExpiresAt({
        sentAt: now,
        ttlMs: 7 * DAY,
        startsAt: new Date(newStart),
        sessionStartsAt: new Date(input.startsAt),
      }).toISOString(),
      reminderAt: null,
    };
    const invite = await ts.env.client.workflow.start('inviteWorkflow', {
      workflowId: `invite-${reschedule.inviteId}`,
      taskQueue: ts.taskQueue,
      args: [reschedule],
    });
    await invite.signal('accept');
    expect((await invite.result()).status).toBe('accepted');
    expect((await sessionRow(sessionId))?.startsAt.toISOString()).toBe(reschedule.startsAt);

    await skipTo(Date.parse(input.startsAt) - 24 * HOUR + MINUTE);
    expect(await reminders(sessionId)).toHaveLength(0);
    await skipTo(Date.parse(input.endsAt) + MINUTE);
    expect((await session.query(sessionStateQuery)).status).toBe('booked');
    await skipTo(newStart - 72 * HOUR + MINUTE);
    expect(await reminders(sessionId)).toHaveLength(1);
    await skipTo(newStart + HOUR - MINUTE);
    expect(await session.result()).toBe('completed');
    expect(await reminders(sessionId)).toHaveLength(2);
    const ledger = await ts.db
      .select()
      .from(creditLedger)
      .where(eq(creditLedger.sessionId, sessionId));
    expect(ledger.map((row) => row.delta)).toEqual([-1]);
  });
});
