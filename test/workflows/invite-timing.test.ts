import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditLedger, emailLog, invites } from '../../src/db/schema.js';
import { inviteStateQuery, type InviteState } from '../../workflows/messages.js';
import type { InviteInput } from '../../src/domain/inputs.js';
import { buildInviteInput, seedPerson } from '../support/fixtures.js';
import { DAY, HOUR, startTimeSkipping, type TimeSkipping } from '../support/time-skipping.js';

let ts: TimeSkipping;
beforeAll(async () => {
  ts = await startTimeSkipping();
});
afterAll(() => ts.close());

const MINUTE = 60_000;

async function start(input: InviteInput) {
  return ts.env.client.workflow.start('inviteWorkflow', {
    workflowId: `invite-${input.inviteId}`,
    taskQueue: ts.taskQueue,
    args: [input],
  });
}
const status = async (input: InviteInput) =>
  (await ts.env.client.workflow.getHandle(`invite-${input.inviteId}`).query(inviteStateQuery))
    .status;
const templates = async (input: InviteInput) =>
  (
    await ts.db
      .select({ template: emailLog.template, recipientId: emailLog.recipientId })
      .from(emailLog)
  ).filter((row) => [input.clientId, input.coachId].includes(row.recipientId ?? ''));
const charges = async (input: InviteInput) =>
  ts.db.select().from(creditLedger).where(eq(creditLedger.inviteId, input.inviteId));
/** Skips server time to `ms` after the invite was sent. */
const skipTo = async (input: InviteInput, ms: number) =>
  ts.env.sleep(Date.parse(input.sentAt) + ms - (await ts.now()).getTime());

describe('inviteWorkflow timing (time-skipping)', () => {
  it('waits 7 days by default and expires exactly then, with one reminder a day before', async () => {
    const input = await ts.inviteInput(30 * DAY);
    expect(Date.parse(input.expiresAt) - Date.parse(input.sentAt)).toBe(7 * DAY);
    await start(input);

    await skipTo(input, 6 * DAY - MINUTE);
    expect(await status(input)).toBe('pending');
    expect((await templates(input)).map((row) => row.template)).toEqual(['invite_sent']);

    await skipTo(input, 6 * DAY + MINUTE);
    expect(
      (await templates(input)).filter((row) => row.template === 'invite_reminder'),
    ).toHaveLength(1);

    await skipTo(input, 7 * DAY - MINUTE);
    expect(await status(input)).toBe('pending');
    await skipTo(input, 7 * DAY + MINUTE);
    expect(await status(input)).toBe('expired');

    const outcome = await ts.env.client.workflow.getHandle(`invite-${input.inviteId}`).result();
    expect(outcome).toEqual({ status: 'expired', sessionId: null });
    const sent = (await templates(input)).map((row) => row.template).sort();
    expect(sent).toEqual(['invite_expired', 'invite_expired', 'invite_reminder', 'invite_sent']);
    expect(await charges(input)).toEqual([]);
  });

  it('expires at the slot’s start when that is sooner than the TTL', async () => {
    const input = await ts.inviteInput(3 * DAY);
    expect(input.expiresAt).toBe(input.startsAt);
    await start(input);
    await skipTo(input, 3 * DAY - MINUTE);
    expect(await status(input)).toBe('pending');
    await skipTo(input, 3 * DAY + MINUTE);
    expect(await status(input)).toBe('expired');
    const [row] = await ts.db.select().from(invites).where(eq(invites.id, input.inviteId));
    expect(row?.status).toBe('expired');
  });

  it('sends no reminder when the reminder moment is not after sending', async () => {
    const input = await ts.inviteInput(12 * HOUR);
    expect(input.reminderAt).toBeNull();
    await start(input);
    await ts.env.client.workflow.getHandle(`invite-${input.inviteId}`).result();
    expect((await templates(input)).some((row) => row.template === 'invite_reminder')).toBe(false);
  });

  it('sends no reminder and charges nothing once declined', async () => {
    const input = await ts.inviteInput(30 * DAY, 5);
    const handle = await start(input);
    await skipTo(input, 2 * DAY);
    await handle.signal('decline', { reason: 'busy' });
    expect(await handle.result()).toEqual({ status: 'declined', sessionId: null });
    await skipTo(input, 8 * DAY);
    expect((await templates(input)).map((row) => row.template).sort()).toEqual([
      'invite_declined',
      'invite_declined',
      'invite_sent',
    ]);
    expect(await charges(input)).toEqual([]);
  });

  it('charges nothing when the coach cancels', async () => {
    const input = await ts.inviteInput(30 * DAY, 5);
    const handle = await start(input);
    await skipTo(input, DAY);
    await handle.signal('cancel');
    expect((await handle.result()).status).toBe('cancelled');
    expect(await charges(input)).toEqual([]);
  });

  it('charges exactly once on acceptance and reports it in the state query', async () => {
    const input = await ts.inviteInput(30 * DAY, 1);
    const handle = await start(input);
    await skipTo(input, 3 * DAY);
    await handle.signal('accept');
    const outcome = await handle.result();
    expect(outcome.status).toBe('accepted');
    expect((await charges(input)).map((row) => row.delta)).toEqual([-1]);
    const state: InviteState = await handle.query(inviteStateQuery);
    expect(state).toMatchObject({
      status: 'accepted',
      sessionId: outcome.sessionId,
      reminderSent: false,
    });
  });

  it('reminds and expires on time while Resend fails for longer than both', async () => {
    const sentAt = await ts.now();
    const input = buildInviteInput({
      coachId: await seedPerson(ts.db, 'coach', { at: sentAt }),
      clientId: await seedPerson(ts.db, 'client', { at: sentAt }),
      sentAt,
      startsInMs: 30 * DAY,
      ttlMs: 20 * MINUTE,
      reminderBeforeMs: 10 * MINUTE,
    });
    ts.resend.answerAlways(500);
    try {
      const handle = await start(input);
      await skipTo(input, 10 * MINUTE + 30_000);
      expect(await handle.query(inviteStateQuery)).toMatchObject({
        status: 'pending',
        reminderSent: true,
      });
      await skipTo(input, 20 * MINUTE + 30_000);
      expect(await status(input)).toBe('expired');
      const [row] = await ts.db.select().from(invites).where(eq(invites.id, input.inviteId));
      expect(row?.status).toBe('expired');
    } finally {
      ts.resend.answerAlways(200);
    }
  });
});
