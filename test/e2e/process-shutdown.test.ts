import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freePort } from '../../src/temporal/dev-server.js';
import { startHarness, TEST_SECRET, type Harness } from '../support/harness.js';
import { spawnService, type ServiceProcess } from '../support/service-process.js';

let h: Harness;
let service: ServiceProcess | undefined;

beforeAll(async () => {
  h = await startHarness({ worker: false });
});
afterAll(async () => {
  service?.child.kill('SIGKILL');
  await h.close();
});

// `npm run worker`, and `npm start` on external PostgreSQL and Temporal (nothing embedded).
describe.each([
  { entry: 'src/main/worker.ts', ready: '"msg":"worker polling"' },
  { entry: 'src/main/dev.ts', ready: 'coach-invites is running' },
])('$entry on SIGTERM', ({ entry, ready }) => {
  it('drains the worker once, then closes the database, and exits 0', async () => {
    service = spawnService(entry, {
      DATABASE_URL: h.database.url,
      TEMPORAL_ADDRESS: inject('temporalAddress'),
      TEMPORAL_TASK_QUEUE: h.config.taskQueue,
      AUTH_JWT_SECRET: TEST_SECRET,
      PORT: String(await freePort()),
      LOG_LEVEL: 'info',
    });
    await service.waitFor(ready);

    service.child.kill('SIGTERM');

    expect(await service.exitCode).toBe(0);
    const output = service.output();
    // Thrown when the SDK's own signal handler and the service both shut the worker down.
    expect(output).not.toContain('IllegalStateError');
    expect(output).not.toContain('shutdown step failed');
    const drained = output.indexOf('"msg":"worker drained"');
    expect(drained).toBeGreaterThan(-1);
    expect(output.indexOf('"msg":"database closed"')).toBeGreaterThan(drained);
  });
});
