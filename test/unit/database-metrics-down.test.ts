import { Counter, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.js';
import { registerDatabaseMetrics } from '../../src/observability/database-metrics.js';
import { sample } from '../support/prometheus.js';

describe('database metrics while PostgreSQL is down', () => {
  it('leave the other metrics served and say the database could not be read', async () => {
    const down = {
      select: () => {
        throw new Error('connection refused');
      },
    } as unknown as Db;
    const registry = new Registry();
    new Counter({ name: 'requests_total', help: 'h', registers: [registry] }).inc();
    registerDatabaseMetrics(registry, down);
    const text = await registry.metrics();
    expect(sample(text, 'requests_total')).toBe(1);
    expect(sample(text, 'coach_invites_database_metrics_up')).toBe(0);
    expect(text).not.toMatch(/^coach_invites_invite_outcomes_total\{/m);
    expect(text).not.toMatch(/^coach_invites_webhook_deliveries\{/m);
  });
});
