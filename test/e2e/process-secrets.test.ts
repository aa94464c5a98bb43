import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freePort } from '../../src/temporal/dev-server.js';
import { startHarness, type Harness } from '../support/harness.js';
import { spawnService, type ServiceProcess } from '../support/service-process.js';

let h: Harness;
const started: ServiceProcess[] = [];

beforeAll(async () => {
  h = await startHarness({ worker: false });
});
afterAll(async () => {
  for (const service of started) service.child.kill('SIGKILL');
  await h.close();
});

/** An entry point on this file's database and the run's Temporal dev server. */
function start(entry: string, env: Record<string, string | undefined>): ServiceProcess {
  const service = spawnService(entry, {
    DATABASE_URL: h.database.url,
    TEMPORAL_ADDRESS: inject('temporalAddress'),
    TEMPORAL_TASK_QUEUE: h.config.taskQueue,
    ...env,
  });
  started.push(service);
  return service;
}

describe('npm run api with its secrets', () => {
  it('never writes AUTH_JWT_SECRET or RESEND_API_KEY, from start to SIGTERM', async () => {
    const secret = `jwt-secret-${randomUUID()}`;
    const resendKey = `re_${randomUUID()}`;
    const port = await freePort();
    const api = start('src/main/api.ts', {
      AUTH_JWT_SECRET: secret,
      RESEND_API_KEY: resendKey,
      PORT: String(port),
      LOG_LEVEL: 'trace',
    });
    await api.waitFor('"msg":"API listening"');
    const refused = await fetch(`http://127.0.0.1:${port}/v1/me`, {
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(refused.status).toBe(401);

    api.child.kill('SIGTERM');

    expect(await api.exitCode).toBe(0);
    expect(api.output()).toContain('"msg":"database closed"');
    expect(api.output()).not.toContain(secret);
    expect(api.output()).not.toContain(resendKey);
  });
});

describe.each(['src/main/api.ts', 'src/main/worker.ts'])('%s without a strong secret', (entry) => {
  it('refuses to start when AUTH_JWT_SECRET is unset, naming it', async () => {
    const service = start(entry, {});
    expect(await service.exitCode).not.toBe(0);
    expect(service.output()).toContain('AUTH_JWT_SECRET is required');
  });

  it('refuses a 31-byte AUTH_JWT_SECRET, naming it without echoing it', async () => {
    const secret = 'thirty-one-bytes-of-weak-secret';
    expect(Buffer.byteLength(secret)).toBe(31);
    const service = start(entry, { AUTH_JWT_SECRET: secret });
    expect(await service.exitCode).not.toBe(0);
    expect(service.output()).toContain('AUTH_JWT_SECRET is too short: 31 bytes');
    expect(service.output()).not.toContain(secret);
  });
});
