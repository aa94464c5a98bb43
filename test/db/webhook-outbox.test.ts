import { randomUUID } from 'node:crypto';
import { asc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  insertWebhookEndpoint,
  updateWebhookEndpoint,
} from '../../src/db/queries/webhook-endpoints.js';
import { webhookDeliveries, webhookEvents } from '../../src/db/schema.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { activitiesOver, buildInviteInput, seedPerson } from '../support/fixtures.js';

const HOUR = 3_600_000;
let database: TestDatabase;
let activities: ReturnType<typeof activitiesOver>;

beforeAll(async () => {
  database = await createTestDatabase();
  activities = activitiesOver(database.db);
  const endpoint = { url: 'https://hooks.example.com/', description: null, secret: 'whsec_x' };
  await insertWebhookEndpoint(database.db, { ...endpoint, events: ['invite.sent'] }, new Date());
  const off = await insertWebhookEndpoint(
    database.db,
    { ...endpoint, events: ['invite.sent', 'session.completed'] },
    new Date(),
  );
  await updateWebhookEndpoint(database.db, off.id, { enabled: false });
});
afterAll(() => database.drop());

const eventsOf = async (id: string) =>
  (await database.db.select().from(webhookEvents).orderBy(asc(webhookEvents.occurredAt))).filter(
    (event) => (event.data as { id: string }).id === id,
  );

async function heldInvite(startsInMs = 48 * HOUR) {
  const coachId = await seedPerson(database.db, 'coach');
  const clientId = await seedPerson(database.db, 'client', { credits: 3 });
  const input = buildInviteInput({ coachId, clientId, sentAt: new Date(), startsInMs });
  const held = await activities.holdSlot(input);
  expect(held.ok).toBe(true);
  return input;
}

describe('the webhook outbox', () => {
  it('records each change once, however often its activity is retried', async () => {
    const input = await heldInvite();
    await activities.holdSlot(input);
    const sessionId = randomUUID();
    await activities.acceptInvite({ inviteId: input.inviteId, sessionId });
    await activities.acceptInvite({ inviteId: input.inviteId, sessionId });
    await activities.completeSession({ sessionId });
    await activities.completeSession({ sessionId });
    expect((await eventsOf(input.inviteId)).map((event) => event.type)).toEqual([
      'invite.sent',
      'invite.accepted',
    ]);
    expect((await eventsOf(sessionId)).map((event) => event.type)).toEqual([
      'session.booked',
      'session.completed',
    ]);
  });

  it('fans out to enabled subscribed endpoints only, in the change’s transaction', async () => {
    const input = await heldInvite(72 * HOUR);
    const [event] = await eventsOf(input.inviteId);
    const deliveries = await database.db.select().from(webhookDeliveries);
    const ofEvent = deliveries.filter((delivery) => delivery.eventId === event!.id);
    expect(ofEvent).toHaveLength(1);
    expect(ofEvent[0]).toMatchObject({ status: 'pending', cycle: 1, dispatchedCycle: 0 });
  });

  it('takes a discarded invite’s invite.sent (and its deliveries) with it', async () => {
    const input = await heldInvite(96 * HOUR);
    expect(await eventsOf(input.inviteId)).toHaveLength(1);
    expect(await activities.discardInvite({ inviteId: input.inviteId })).toEqual({
      discarded: true,
    });
    expect(await eventsOf(input.inviteId)).toEqual([]);
  });

  it('records nothing when a closing finds the invite closed already', async () => {
    const input = await heldInvite(120 * HOUR);
    await activities.closeInvite({ inviteId: input.inviteId, status: 'declined' });
    await activities.closeInvite({ inviteId: input.inviteId, status: 'declined' });
    await activities.closeInvite({ inviteId: input.inviteId, status: 'expired' });
    expect((await eventsOf(input.inviteId)).map((event) => event.type)).toEqual([
      'invite.sent',
      'invite.declined',
    ]);
  });
});
