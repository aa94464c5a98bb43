import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { retryDelayMs, webhookDeliveryWorkflowId } from '../../src/domain/webhook-events.js';

describe('webhook settings', () => {
  it('default to 30 s doubling up to 6 h, for 3 days, 10 s a request, a relay pass a second', () => {
    expect(loadConfig({}).webhooks).toEqual({
      retry: {
        initialMs: 30_000,
        maxMs: 21_600_000,
        windowMs: 259_200_000,
        requestTimeoutMs: 10_000,
      },
      relayIntervalMs: 1_000,
    });
  });

  it('are read from WEBHOOK_* and refused when malformed, naming the variable', () => {
    const config = loadConfig({ WEBHOOK_RETRY_INITIAL: '200ms', WEBHOOK_RETRY_FOR: '1h' });
    expect(config.webhooks.retry).toMatchObject({ initialMs: 200, windowMs: 3_600_000 });
    expect(() => loadConfig({ WEBHOOK_RETRY_MAX: 'soon' })).toThrow(ConfigError);
    expect(() => loadConfig({ WEBHOOK_TIMEOUT: '0s' })).toThrow(/WEBHOOK_TIMEOUT/);
  });

  it('space attempts as Temporal’s retry policy does: doubling, capped', () => {
    const schedule = loadConfig({}).webhooks.retry;
    expect([1, 2, 3].map((attempt) => retryDelayMs(schedule, attempt))).toEqual([
      30_000, 60_000, 120_000,
    ]);
    expect(retryDelayMs(schedule, 30)).toBe(21_600_000);
  });

  it('name one workflow per delivery cycle', () => {
    expect(webhookDeliveryWorkflowId('d', 1)).toBe('webhook-delivery-d');
    expect(webhookDeliveryWorkflowId('d', 3)).toBe('webhook-delivery-d-retry-2');
  });
});
