import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findInvite } from '../../src/db/queries/invites.js';
import { getSessionView } from '../../src/db/queries/sessions.js';
import { toInviteView } from '../../src/db/queries/views.js';
import { insertWebhookEndpoint } from '../../src/db/queries/webhook-endpoints.js';
import { calendarBlocks, invites, webhookDeliveries, webhookEvents } from '../../src/db/schema.js';
import type { InviteInput } from '../../src/domain/inputs.js';
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
  // Every event type fans out, so each statement also writes deliveries.
  await insertWebhookEndpoint(
    database.db,
    {
      url: 'https://hooks.example.com/',
      description: null,
      secret: 'whsec_x',
      events: ['invite.sent', 'invite.accepted', 'session.booked', 'session.rescheduled'],
    },
    new Date(),
  );
});
afterAll(async () => {
  await counting.end();
  await database.drop();
});
/** Statements of `run` alone, each as the kind of SQL it is, and what `run` answered. */
const statementsOf = <T>(run: () => Promise<T>) => counting.statementsOf(run);

async function inviteInput(startsInMs: number, extra: Omit<Partial<InviteInput>, 'sentAt'> = {}) {
  const coachId = await seedPerson(database.db, 'coach');
  const clientId = await seedPerson(database.db, 'client', { credits: 2 });
  return buildInviteInput({ coachId, clientId, sentAt: new Date(), startsInMs, ...extra });
}

/** The stored event's data as PostgreSQL prints it, and the deliveries it fanned out to. */
async function storedEvent(key: string) {
  const [event] = await database.db
    .select({ id: webhookEvents.id, data: sql<string>`${webhookEvents.data}::text` })
    .from(webhookEvents)
    .where(eq(webhookEvents.key, key));
  if (!event) return undefined;
  const deliveries = await database.db
    .select()
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.eventId, event.id));
  return { data: event.data, deliveries: deliveries.length };
}

/** What the outbox stores for `data`: its JSON as jsonb, printed back. */
async function asStored(data: unknown) {
  const [row] = await database.db.execute<{ data: string }>(
    sql`select ${JSON.stringify(data)}::jsonb::text as data`,
  );
  return row!.data;
}

describe('holdSlot of a new invite', () => {
  it('writes the invite, its block, its event and deliveries in one statement (was 5)', async () => {
    const input = await inviteInput(30 * HOUR, { message: 'See you then' });
    const [kinds, held] = await statementsOf(() => activities.holdSlot(input));
    expect(kinds).toEqual(['with']);
    expect(held.ok).toBe(true);

    // The answer and the event's data are the stored row's view, exactly.
    const stored = toInviteView((await findInvite(database.db, input.inviteId))!);
    expect(held.ok && JSON.stringify(held.invite)).toBe(JSON.stringify(stored));
    expect(await storedEvent(`invite.sent:${input.inviteId}`)).toEqual({
      data: await asStored(stored),
      deliveries: 1,
    });
    const blocks = await database.db
      .select()
      .from(calendarBlocks)
      .where(eq(calendarBlocks.inviteId, input.inviteId));
    expect(blocks).toMatchObject([
      { id: input.inviteId, status: 'held', coachId: input.coachId, sessionId: null },
    ]);
  });

  it('stores the same view for timestamps written in other ways and without a message', async () => {
    const input = await inviteInput(34 * HOUR);
    const at = (iso: string) => new Date(iso).toISOString().replace('.000Z', '+00:00');
    const written = {
      ...input,
      message: null,
      sentAt: at(input.sentAt),
      startsAt: at(input.startsAt),
      endsAt: at(input.endsAt),
    };
    const held = await activities.holdSlot(written);
    const stored = toInviteView((await findInvite(database.db, input.inviteId))!);
    expect(held.ok && JSON.stringify(held.invite)).toBe(JSON.stringify(stored));
    expect((await storedEvent(`invite.sent:${input.inviteId}`))?.data).toBe(await asStored(stored));
  });

  it('answers a retry after its commit with the stored invite: the statement, then a read', async () => {
    const input = await inviteInput(38 * HOUR);
    const first = await activities.holdSlot(input);
    const [kinds, retried] = await statementsOf(() => activities.holdSlot(input));
    expect(kinds).toEqual(['with', 'select']);
    expect(retried).toEqual(first);
    expect((await storedEvent(`invite.sent:${input.inviteId}`))?.deliveries).toBe(1);
  });

  it('refuses an overlap in its one statement, leaving no invite, block or event behind', async () => {
    const input = await inviteInput(42 * HOUR);
    await activities.holdSlot(input);
    const overlapping = buildInviteInput({
      coachId: input.coachId,
      clientId: input.clientId,
      sentAt: new Date(),
      startsInMs: 42 * HOUR + HOUR / 2,
    });
    const [kinds, refused] = await statementsOf(() => activities.holdSlot(overlapping));
    expect(kinds).toEqual(['with']);
    expect(refused).toEqual({ ok: false, reason: 'slot_unavailable' });
    expect(
      await database.db.select().from(invites).where(eq(invites.id, overlapping.inviteId)),
    ).toEqual([]);
    expect(
      await database.db
        .select()
        .from(calendarBlocks)
        .where(eq(calendarBlocks.inviteId, overlapping.inviteId)),
    ).toEqual([]);
    expect(await storedEvent(`invite.sent:${overlapping.inviteId}`)).toBeUndefined();
  });
});

describe('acceptInvite of a new invite', () => {
  async function held(startsInMs: number, creditCost = 1) {
    const input = await inviteInput(startsInMs, { creditCost });
    expect((await activities.holdSlot(input)).ok).toBe(true);
    return input;
  }

  it('charges, books and records both events in 6 statements (was 11)', async () => {
    const input = await held(50 * HOUR);
    const sessionId = randomUUID();
    const [kinds, accepted] = await statementsOf(() =>
      activities.acceptInvite({ inviteId: input.inviteId, sessionId }),
    );
    // begin, the invite's lock, the ledger, the booking, both events, commit.
    expect(kinds).toEqual(['begin', 'select', 'with', 'with', 'with', 'commit']);
    if (!accepted.ok) throw new Error(accepted.reason);

    // The session built from what was written is exactly what getSessionView reads.
    const read = await getSessionView(database.db, sessionId);
    expect(JSON.stringify(accepted.session)).toBe(JSON.stringify(read));
    const invite = toInviteView((await findInvite(database.db, input.inviteId))!);
    expect(JSON.stringify(accepted.invite)).toBe(JSON.stringify(invite));
    expect(invite).toMatchObject({ status: 'accepted', sessionId });
    expect(await storedEvent(`invite.accepted:${input.inviteId}`)).toEqual({
      data: await asStored(invite),
      deliveries: 1,
    });
    expect(await storedEvent(`session.booked:${input.inviteId}`)).toEqual({
      data: await asStored({ ...read, cancellationTerms: null }),
      deliveries: 1,
    });
    const [block] = await database.db
      .select()
      .from(calendarBlocks)
      .where(eq(calendarBlocks.inviteId, input.inviteId));
    expect(block).toMatchObject({ status: 'booked', sessionId });

    // A retry reads the stored session, as before.
    const [retryKinds, retried] = await statementsOf(() =>
      activities.acceptInvite({ inviteId: input.inviteId, sessionId: randomUUID() }),
    );
    expect(retryKinds).toEqual(['begin', 'select', 'select', 'commit']);
    expect(retried).toEqual(accepted);
  });

  it('books a free session without the ledger in 5 statements', async () => {
    const input = await held(54 * HOUR, 0);
    const sessionId = randomUUID();
    const [kinds, accepted] = await statementsOf(() =>
      activities.acceptInvite({ inviteId: input.inviteId, sessionId }),
    );
    expect(kinds).toEqual(['begin', 'select', 'with', 'with', 'commit']);
    expect(accepted.ok && JSON.stringify(accepted.session)).toBe(
      JSON.stringify(await getSessionView(database.db, sessionId)),
    );
  });

  it('moves a session for an accepted reschedule in 10 statements (was 11)', async () => {
    const input = await held(58 * HOUR);
    const booked = await activities.acceptInvite({
      inviteId: input.inviteId,
      sessionId: randomUUID(),
    });
    if (!booked.ok) throw new Error(booked.reason);
    const proposal = buildInviteInput({
      coachId: input.coachId,
      clientId: input.clientId,
      sentAt: new Date(),
      startsInMs: 62 * HOUR,
      kind: 'reschedule',
      sessionId: booked.session.id,
      originalSlot: { startsAt: input.startsAt, endsAt: input.endsAt },
      creditCost: 0,
    });
    expect((await activities.holdSlot(proposal)).ok).toBe(true);
    const [kinds, moved] = await statementsOf(() =>
      activities.acceptInvite({ inviteId: proposal.inviteId, sessionId: randomUUID() }),
    );
    expect(kinds).toEqual([
      'begin',
      'select',
      'select',
      'update',
      'update',
      'update',
      'update',
      'select',
      'with',
      'commit',
    ]);
    if (!moved.ok) throw new Error(moved.reason);
    expect(moved.session).toMatchObject({ id: booked.session.id, startsAt: proposal.startsAt });
    expect(await storedEvent(`session.rescheduled:${proposal.inviteId}`)).toEqual({
      data: await asStored({ ...moved.session, cancellationTerms: null }),
      deliveries: 1,
    });
    expect((await storedEvent(`invite.accepted:${proposal.inviteId}`))?.deliveries).toBe(1);
  });
});
