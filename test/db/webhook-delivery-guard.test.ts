import { MockActivityEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordWebhookEvent } from '../../src/db/queries/webhook-outbox.js';
import { insertWebhookEndpoint } from '../../src/db/queries/webhook-endpoints.js';
import { webhookAttempts, webhookDeliveries } from '../../src/db/schema.js';
import type { InviteView } from '../../src/domain/views.js';
import { postJson } from '../../src/webhooks/post.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { activitiesOver } from '../support/fixtures.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';

let database: TestDatabase;
let receiver: WebhookReceiver;
const schedule = { initialMs: 1_000, maxMs: 2_000, windowMs: 60_000, requestTimeoutMs: 2_000 };

beforeAll(async () => {
  database = await createTestDatabase();
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  await receiver.close();
  await database.drop();
});

describe('a production delivery', () => {
  it('is refused, and recorded as refused, when the endpoint’s host is not public any more', async () => {
    const activities = activitiesOver(database.db, { production: true });
    // Registered while it was allowed (or straight in the table): it now points at loopback.
    const endpoint = {
      url: receiver.url.replace('http:', 'https:'),
      description: null,
      secret: 'whsec_dGVzdHRlc3R0ZXN0',
    };
    await insertWebhookEndpoint(database.db, { ...endpoint, events: ['invite.sent'] }, new Date());
    const data = { id: crypto.randomUUID() } as InviteView;
    await recordWebhookEvent(database.db, { type: 'invite.sent', key: 'k', data, at: new Date() });
    const [delivery] = await database.db.select().from(webhookDeliveries);
    const attempt = new MockActivityEnvironment().run(activities.deliverWebhook, {
      deliveryId: delivery!.id,
      cycle: 1,
      schedule,
    });
    await expect(attempt).rejects.toThrow(/refused: .*private or loopback/);
    expect(receiver.received).toEqual([]);
    const [recorded] = await database.db.select().from(webhookAttempts);
    expect(recorded).toMatchObject({ succeeded: false, statusCode: null });
  });

  it('connects to public addresses only, whatever the name resolved to a moment before', async () => {
    const outcome = await postJson({
      url: receiver.url.replace('127.0.0.1', 'localhost'),
      headers: {},
      body: '{}',
      timeoutMs: 2_000,
      publicOnly: true,
    });
    expect(outcome).toMatchObject({ statusCode: null, error: expect.stringMatching(/non-public/) });
    expect(receiver.received).toEqual([]);
  });
});
