import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startHarness, type Harness } from '../support/harness.js';
import { slot, workflowResult } from '../support/invites.js';
import { sample, scrape } from '../support/prometheus.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ env: { INVITE_TTL: '4s', INVITE_REMINDER_BEFORE: '2s' } });
});
afterAll(() => h.close());

const metrics = () => scrape(`${h.baseUrl}/metrics`);

describe('GET /metrics after real invites', () => {
  it('counts requests by route pattern, each outcome and time to answer, without auth', async () => {
    const response = await fetch(`${h.baseUrl}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');

    const coach = await h.createUser('coach');
    const client = await h.createUser('client', { credits: 3, coach });
    const invite = (days: number) =>
      coach.api.post('/v1/invites', { clientId: client.id, ...slot(days) });
    const accepted = (await invite(2)).body;
    const declined = (await invite(3)).body;
    const expiring = (await invite(4)).body;
    const withdrawn = (await invite(5)).body;
    expect((await coach.api.post(`/v1/invites/${withdrawn.id}/cancel`, {})).status).toBe(200);
    const accept = await client.api.post(`/v1/invites/${accepted.id}/accept`, {});
    expect(accept.status).toBe(200);
    expect((await client.api.post(`/v1/invites/${declined.id}/decline`, {})).status).toBe(200);
    expect(await workflowResult(h, expiring.id)).toMatchObject({ status: 'expired' });
    expect((await client.api.get('/v1/no-such-route')).status).toBe(404);

    const text = await eventually(async () => {
      const current = await metrics();
      return (
        sample(current, 'coach_invites_invite_outcomes_total', { outcome: 'expired' }) === 1 &&
        current
      );
    });
    expect(sample(text, 'coach_invites_database_metrics_up')).toBe(1);
    const acceptRoute = { method: 'POST', route: '/v1/invites/:id/accept', status: '200' };
    expect(sample(text, 'http_requests_total', acceptRoute)).toBe(1);
    expect(sample(text, 'http_request_duration_seconds_count', acceptRoute)).toBe(1);
    expect(sample(text, 'http_requests_total', { route: '/v1/invites', status: '201' })).toBe(4);
    expect(sample(text, 'http_requests_total', { route: '(unmatched)', status: '404' })).toBe(1);
    // Route patterns only: no id ever becomes a label.
    expect(text).not.toContain(accepted.id);

    for (const [outcome, count] of Object.entries({
      accepted: 1,
      declined: 1,
      expired: 1,
      cancelled: 1,
    }))
      expect(sample(text, 'coach_invites_invite_outcomes_total', { outcome })).toBe(count);
    for (const outcome of ['accepted', 'declined']) {
      const answer = { outcome };
      expect(sample(text, 'coach_invites_invite_answer_seconds_count', answer)).toBe(1);
      // Answered at once: inside the first bucket, and a positive time.
      expect(
        sample(text, 'coach_invites_invite_answer_seconds_bucket', { ...answer, le: '60' }),
      ).toBe(1);
      expect(sample(text, 'coach_invites_invite_answer_seconds_sum', answer)).toBeGreaterThan(0);
    }
  });

  it('counts webhook deliveries by status', async () => {
    const endpoint = await h.operator.post('/v1/webhooks', {
      url: 'http://127.0.0.1:9/hook',
      events: ['invite.sent'],
    });
    expect(endpoint.status).toBe(201);
    const before = sample(await metrics(), 'coach_invites_webhook_deliveries', {
      status: 'pending',
    });
    const coach = await h.createUser('coach');
    const client = await h.createUser('client', { credits: 1, coach });
    await coach.api.post('/v1/invites', { clientId: client.id, ...slot(5) });
    // This harness runs no relay: the delivery waits, pending, where the outbox put it.
    await eventually(
      async () =>
        sample(await metrics(), 'coach_invites_webhook_deliveries', { status: 'pending' }) ===
        before + 1,
    );
  });
});
