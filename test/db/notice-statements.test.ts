import { randomUUID } from 'node:crypto';
import { eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findInviteNotice, findSessionNotice } from '../../src/db/queries/notifications.js';
import { emailLog } from '../../src/db/schema.js';
import { RecordMissingError } from '../../src/db/errors.js';
import { countingDatabase } from '../support/counting-database.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { activitiesOver, buildInviteInput, seedPerson } from '../support/fixtures.js';

const HOUR = 3_600_000;
let database: TestDatabase;
let counting: Awaited<ReturnType<typeof countingDatabase>>;
let activities: ReturnType<typeof activitiesOver>;

beforeAll(async () => {
  database = await createTestDatabase();
  counting = await countingDatabase(database.url);
  activities = activitiesOver(counting.db);
});
afterAll(async () => {
  await counting.end();
  await database.drop();
});
/** Statements of `run` alone, each as the kind of SQL it is. */
async function statementsOf(run: () => Promise<unknown>): Promise<string[]> {
  return (await counting.statementsOf(run))[0];
}

async function pendingInvite() {
  const coachId = await seedPerson(database.db, 'coach');
  const clientId = await seedPerson(database.db, 'client', { credits: 1 });
  const input = buildInviteInput({ coachId, clientId, sentAt: new Date(), startsInMs: 72 * HOUR });
  await activities.holdSlot(input);
  return { coachId, clientId, input };
}

async function acceptedInvite() {
  const invite = await pendingInvite();
  const accepted = await activities.acceptInvite({
    inviteId: invite.input.inviteId,
    sessionId: randomUUID(),
  });
  if (!accepted.ok) throw new Error(accepted.reason);
  return { ...invite, sessionId: accepted.session.id };
}

const notice = (inviteId: string, event: 'invite_sent' | 'invite_accepted') => ({
  event,
  inviteId,
  originalSlot: null,
});

const attachmentsOf = async (key: string) =>
  (await database.db.select().from(emailLog).where(eq(emailLog.idempotencyKey, key)))[0]
    ?.attachments;

describe('an invite notice', () => {
  it('reads the invite, both people and whether each was told in one statement', async () => {
    const { input } = await pendingInvite();
    const kinds = await statementsOf(() =>
      activities.notifyParties({
        ...notice(input.inviteId, 'invite_sent'),
        recipients: ['client'],
      }),
    );
    // The one read, then the email service's record and mark.
    expect(kinds).toEqual(['select', 'with', 'update']);
  });

  it('reads the session’s calendar facts once for both recipients of an acceptance', async () => {
    const { coachId, clientId, input } = await acceptedInvite();
    const accepted = { ...notice(input.inviteId, 'invite_accepted') };
    const kinds = await statementsOf(() =>
      activities.notifyParties({ ...accepted, recipients: ['client', 'coach'] }),
    );
    expect(kinds).toEqual(['select', 'select', 'with', 'update', 'with', 'update']);
    for (const id of [clientId, coachId])
      expect(await attachmentsOf(`invite_accepted:${input.inviteId}:${id}`)).toHaveLength(1);

    // A retry finds both told: no calendar read, nothing sent again; each repeat reads back the
    // message as stored.
    const retried = await statementsOf(async () =>
      expect(
        await activities.notifyParties({ ...accepted, recipients: ['client', 'coach'] }),
      ).toEqual(['sent', 'sent']),
    );
    expect(retried).toEqual(['select', 'with', 'select', 'with', 'select']);
  });

  it('tells apart a recipient told already from one not yet told', async () => {
    const { coachId, clientId, input } = await acceptedInvite();
    const accepted = notice(input.inviteId, 'invite_accepted');
    await activities.notifyParties({ ...accepted, recipients: ['client'] });

    const read = await findInviteNotice(database.db, input.inviteId, 'invite_accepted');
    expect(read).toMatchObject({
      invite: { id: input.inviteId, status: 'accepted' },
      coach: { id: coachId },
      client: { id: clientId },
      told: { client: true, coach: false },
    });
    const kinds = await statementsOf(() =>
      activities.notifyParties({ ...accepted, recipients: ['client', 'coach'] }),
    );
    // The client's message answers as recorded (its record, then its stored message); only the
    // coach's needs the calendar facts.
    expect(kinds).toEqual(['select', 'with', 'select', 'select', 'with', 'update']);
    expect(await attachmentsOf(`invite_accepted:${input.inviteId}:${coachId}`)).toHaveLength(1);
  });

  it('still says when the invite is missing', async () => {
    await expect(findInviteNotice(database.db, randomUUID(), 'invite_sent')).rejects.toThrow(
      RecordMissingError,
    );
  });
});

describe('a session notice', () => {
  it('reads the session, its people and who was told in one, and the cancelled event once', async () => {
    const { coachId, clientId, sessionId } = await acceptedInvite();
    const cancelled = await activities.cancelSession({
      sessionId,
      by: 'client',
      windowMs: 24 * HOUR,
      reason: null,
      at: new Date().toISOString(),
    });
    expect(cancelled).toMatchObject({ ok: true });
    const kinds = await statementsOf(() =>
      activities.notifySessionParties({
        event: 'session_cancelled',
        sessionId,
        keySuffix: 'x',
        recipients: ['coach', 'client'],
      }),
    );
    expect(kinds).toEqual(['select', 'select', 'with', 'update', 'with', 'update']);
    const keys = await database.db
      .select({ key: emailLog.idempotencyKey, attachments: emailLog.attachments })
      .from(emailLog)
      .where(like(emailLog.idempotencyKey, `session_cancelled:${sessionId}:x:%`));
    expect(keys.map(({ key }) => key).sort()).toEqual(
      [coachId, clientId].map((id) => `session_cancelled:${sessionId}:x:${id}`).sort(),
    );
    expect(keys.every(({ attachments }) => attachments.length === 1)).toBe(true);

    const read = await findSessionNotice(database.db, sessionId, {
      type: 'session_cancelled',
      keySuffix: 'x',
    });
    expect(read.told).toEqual({ coach: true, client: true });
    expect(read.session.status).toBe('cancelled');
  });
});
