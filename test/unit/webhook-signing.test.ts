import { describe, expect, it } from 'vitest';
import { Webhook } from 'standardwebhooks';
import { newWebhookSecret, signedHeaders } from '../../src/webhooks/signing.js';

const body = JSON.stringify({
  type: 'invite.sent',
  timestamp: '2026-11-26T10:00:00.000Z',
  data: {},
});
const eventId = 'b6f0c7f1-4f5e-4a55-9a3c-0d1c8c1e2f3a';

describe('Standard Webhooks signatures', () => {
  it('are accepted by the library’s own verifier, with the event id as webhook-id', () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    const headers = signedHeaders({ secret, eventId, body, at: new Date() });
    expect(headers['webhook-id']).toBe(eventId);
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
  });

  it('are refused when forged: another secret, a changed body or a changed id', () => {
    const secret = newWebhookSecret();
    const headers = signedHeaders({ secret, eventId, body, at: new Date() });
    const verifier = new Webhook(secret);
    expect(() => new Webhook(newWebhookSecret()).verify(body, headers)).toThrow();
    expect(() =>
      verifier.verify(body.replace('invite.sent', 'invite.accepted'), headers),
    ).toThrow();
    expect(() => verifier.verify(body, { ...headers, 'webhook-id': 'another' })).toThrow();
  });

  it('are refused when replayed with an old timestamp (outside the five-minute tolerance)', () => {
    const secret = newWebhookSecret();
    const old = new Date(Date.now() - 10 * 60_000);
    const headers = signedHeaders({ secret, eventId, body, at: old });
    expect(() => new Webhook(secret).verify(body, headers)).toThrow(/timestamp/i);
  });
});
