import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startHarness, type Harness } from '../support/harness.js';
import { slot, workflowResult } from '../support/invites.js';
import type { WebhookReceiver } from '../support/webhook-receiver.js';
import { coachAndClient, registeredReceiver, startRelay } from '../support/webhooks.js';

let h: Harness;
let relay: ReturnType<typeof startRelay>;
let all: WebhookReceiver;
let declinesOnly: WebhookReceiver;
let disabled: WebhookReceiver;
let disabledId: string;

beforeAll(async () => {
  h = await startHarness({ env: { INVITE_TTL: '5s', INVITE_REMINDER_BEFORE: '2s' } });
  relay = startRelay(h);
  all = (await registeredReceiver(h)).receiver;
  declinesOnly = (await registeredReceiver(h, ['invite.declined'])).receiver;
  const off = await registeredReceiver(h);
  disabled = off.receiver;
  disabledId = off.endpoint.id;
  const patched = await h.operator.raw('PATCH', `/v1/webhooks/${disabledId}`, { enabled: false });
  expect(patched.body.enabled).toBe(false);
});
afterAll(async () => {
  await relay.stop();
  await Promise.all([all, declinesOnly, disabled].map((receiver) => receiver.close()));
  await h.close();
});

/** The session as an operator reads it: what a webhook's `data` shows. */
const asOperator = async (sessionId: string) =>
  (await h.operator.get(`/v1/sessions/${sessionId}`)).body;

/** The one delivery of this event for this resource, once it arrived. */
const one = async (type: string, id: string) => {
  const hooks = await eventually(async () => all.of(type, id).length > 0 && all.of(type, id));
  return hooks[0]!;
};

describe('webhook events, recorded with each change and delivered by the worker', () => {
  it('sends invite.sent, invite.accepted and session.booked with the API’s own views', async () => {
    const { coach, client } = await coachAndClient(h);
    const invite = (await coach.api.post('/v1/invites', { clientId: client.id, ...slot(3) })).body;
    expect((await one('invite.sent', invite.id)).body.data).toEqual(invite);
    const accepted = (await client.api.post(`/v1/invites/${invite.id}/accept`, {})).body;
    expect((await one('invite.accepted', invite.id)).body.data).toEqual(accepted.invite);
    expect((await one('session.booked', accepted.session.id)).body.data).toEqual(
      await asOperator(accepted.session.id),
    );
  });

  it('sends invite.declined (also to an endpoint for declines only), invite.cancelled and invite.expired', async () => {
    const { coach, client } = await coachAndClient(h);
    const post = async (hours: number) =>
      (await coach.api.post('/v1/invites', { clientId: client.id, ...slot(4, hours) })).body;
    const [declined, withdrawn, expired] = [await post(0), await post(1), await post(2)];
    await client.api.post(`/v1/invites/${declined.id}/decline`, { reason: 'Away' });
    await coach.api.post(`/v1/invites/${withdrawn.id}/cancel`, {});
    const hook = await one('invite.declined', declined.id);
    expect(hook.body.data).toMatchObject({ status: 'declined', declineReason: 'Away' });
    expect(hook.body.data).toEqual((await coach.api.get(`/v1/invites/${declined.id}`)).body);
    expect((await one('invite.cancelled', withdrawn.id)).body.data.status).toBe('cancelled');
    expect((await one('invite.expired', expired.id)).body.data.status).toBe('expired');
    await eventually(async () => declinesOnly.of('invite.declined', declined.id).length > 0);
    expect(declinesOnly.received.map((hook) => hook.type)).toEqual(['invite.declined']);
  });

  it('sends questionnaire.submitted, session.rescheduled and session.cancelled', async () => {
    const { coach, client } = await coachAndClient(h);
    const invite = (await coach.api.post('/v1/invites', { clientId: client.id, ...slot(6) })).body;
    const { session } = (await client.api.post(`/v1/invites/${invite.id}/accept`, {})).body;
    await workflowResult(h, invite.id);
    const answers = { focus: 'A promotion talk' };
    await client.api.put(`/v1/sessions/${session.id}/questionnaire`, { answers });
    const submitted = await one('questionnaire.submitted', session.id);
    expect(submitted.body.data.questionnaire.status).toBe('submitted');
    const moved = slot(7);
    const proposal = (await coach.api.post(`/v1/sessions/${session.id}/reschedule`, moved)).body;
    expect((await one('invite.sent', proposal.id)).body.data.kind).toBe('reschedule');
    await client.api.post(`/v1/invites/${proposal.id}/accept`, {});
    const rescheduled = await one('session.rescheduled', session.id);
    expect(rescheduled.body.data).toMatchObject({ id: session.id, startsAt: moved.startsAt });
    await one('invite.accepted', proposal.id);
    await client.api.post(`/v1/sessions/${session.id}/cancel`, {});
    const cancelled = await one('session.cancelled', session.id);
    expect(cancelled.body.data).toEqual(await asOperator(session.id));
    expect(cancelled.body.data.cancellation).toMatchObject({ by: 'client', refundedCredits: 1 });
  });

  it('sends session.completed when a session ends', async () => {
    const { coach, client } = await coachAndClient(h);
    const startsAt = new Date(Date.now() + 3_000);
    const endsAt = new Date(startsAt.getTime() + 1_000);
    const invite = (
      await coach.api.post('/v1/invites', {
        clientId: client.id,
        startsAt: startsAt.toISOString(),
        endsAt: endsAt.toISOString(),
      })
    ).body;
    const { session } = (await client.api.post(`/v1/invites/${invite.id}/accept`, {})).body;
    const completed = await one('session.completed', session.id);
    expect(completed.body.data).toMatchObject({ id: session.id, status: 'completed' });
  });

  it('delivered each change exactly once, signed, and nothing to a disabled endpoint', async () => {
    // Every change above has arrived (each test waited for its own); repeats would show here.
    const keys = all.received.map((hook) => `${hook.type}:${hook.body.data.id}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(all.received.map((hook) => hook.id)).size).toBe(keys.length);
    expect(new Set(all.received.map((hook) => hook.type)).size).toBe(10);
    expect(all.refused).toEqual([]);
    expect(disabled.received).toEqual([]);
    const deliveries = await h.operator.get(`/v1/webhooks/${disabledId}/deliveries`);
    expect(deliveries.body).toEqual({ items: [], nextCursor: null });
  });
});
