import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANSWERS } from '../../src/api/answer-schemas.js';
import { startHarness, type Harness } from '../support/harness.js';

let h: Harness;
beforeAll(async () => {
  // Production rules: https to public addresses only (literal IPs need no DNS here).
  h = await startHarness({ worker: false, env: { NODE_ENV: 'production' } });
});
afterAll(() => h.close());

const url = 'https://93.184.216.34/hooks';

describe('webhook endpoints', () => {
  it('are registered with a secret shown once, then listed, read, changed and deleted', async () => {
    const created = await h.operator.post('/v1/webhooks', {
      url,
      events: ['invite.accepted', 'invite.accepted', 'session.cancelled'],
      description: 'CRM',
    });
    expect(created.status).toBe(201);
    expect(ANSWERS.CreatedWebhookEndpoint.parse(created.body)).toEqual(created.body);
    expect(created.body).toMatchObject({
      url,
      events: ['invite.accepted', 'session.cancelled'],
      description: 'CRM',
      enabled: true,
      secret: expect.stringMatching(/^whsec_[A-Za-z0-9+/=]{32,}$/),
    });
    const { secret, ...endpoint } = created.body;
    const path = `/v1/webhooks/${endpoint.id}`;
    expect((await h.operator.get(path)).body).toEqual(endpoint);
    const list = await h.operator.get('/v1/webhooks?limit=100');
    expect(list.body.items).toContainEqual(endpoint);
    expect(JSON.stringify(list.body)).not.toContain(secret);

    const patched = await h.operator.raw('PATCH', path, { enabled: false, description: null });
    expect(patched.body).toEqual({ ...endpoint, enabled: false, description: null });
    expect((await h.operator.get(`${path}/deliveries`)).body).toEqual({
      items: [],
      nextCursor: null,
    });
    expect((await h.operator.raw('DELETE', path)).status).toBe(204);
    expect((await h.operator.get(path)).status).toBe(404);
    expect((await h.operator.raw('DELETE', path)).status).toBe(404);
  });

  it('refuse in production anything but https to public addresses', async () => {
    for (const bad of [
      'http://93.184.216.34/hooks',
      'https://127.0.0.1/hooks',
      'https://10.0.0.8/hooks',
      'https://169.254.169.254/latest',
      'https://[::1]/hooks',
      'https://[::ffff:192.168.1.1]/hooks',
      'https://100.64.1.1/',
      'ftp://93.184.216.34/',
    ]) {
      const answer = await h.operator.post('/v1/webhooks', { url: bad, events: ['invite.sent'] });
      expect(answer.status, bad).toBe(400);
      expect(answer.body.code).toBe('validation_failed');
    }
    const created = (await h.operator.post('/v1/webhooks', { url, events: ['invite.sent'] })).body;
    const moved = await h.operator.raw('PATCH', `/v1/webhooks/${created.id}`, {
      url: 'https://127.0.0.1/',
    });
    expect(moved.status).toBe(400);
  });

  it('refuse bad bodies and paths, and every role but operator', async () => {
    const bad = [
      { url, events: [] },
      { url, events: ['invite.nope'] },
      { url, events: ['invite.sent'], secret: 'mine' },
      { events: ['invite.sent'] },
    ];
    for (const body of bad)
      expect((await h.operator.post('/v1/webhooks', body)).status, JSON.stringify(body)).toBe(400);
    expect((await h.operator.get('/v1/webhooks/not-a-uuid')).status).toBe(400);
    expect((await h.operator.get(`/v1/webhooks/${randomUUID()}`)).status).toBe(404);
    for (const role of ['coach', 'client'] as const) {
      const { api } = await h.createUser(role);
      const answer = await api.post('/v1/webhooks', { url, events: ['invite.sent'] });
      expect(answer.status).toBe(403);
      expect(answer.body.code).toBe('forbidden');
      expect((await api.get('/v1/webhooks')).status).toBe(403);
    }
  });
});
