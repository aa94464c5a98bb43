import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { inject } from 'vitest';
import type { Worker } from '@temporalio/worker';
import { signToken } from '../../src/api/auth.js';
import type { Role } from '../../src/domain/model.js';
import { createApp } from '../../src/api/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import { createEmailService } from '../../src/email/email-service.js';
import { resendTransport } from '../../src/email/transport.js';
import { connectTemporal } from '../../src/temporal/client.js';
import { sessionWorkflowStarter } from '../../src/temporal/session-workflow-starter.js';
import { createWorker } from '../../src/temporal/worker.js';
import { createActivities, type Activities } from '../../activities/index.js';
import { createTestDatabase } from './database.js';
import { startFakeResend } from './fake-resend.js';
import { httpClient } from './http.js';

export const TEST_SECRET = 'test-secret-for-hs256-signing-only';

export interface HarnessOptions {
  env?: Record<string, string>;
  worker?: boolean;
  clock?: () => Date;
}

/**
 * The real service for one test file: its own database and task queue on the run's PostgreSQL and
 * Temporal dev server, a real worker, the API listening on a free port, and a fake Resend server.
 */
export async function startHarness(options: HarnessOptions = {}) {
  const clock = options.clock ?? (() => new Date());
  const database = await createTestDatabase();
  const resend = await startFakeResend();
  const config: Config & { authJwtSecret: string } = {
    ...loadConfig({
      RESEND_API_KEY: 're_test_key',
      RESEND_BASE_URL: resend.url,
      APP_URL: 'https://app.example.com',
      ...options.env,
    }),
    taskQueue: `test-${randomUUID()}`,
    authJwtSecret: TEST_SECRET,
  };
  const address = inject('temporalAddress');
  const temporal = await connectTemporal(address, config.temporalNamespace);
  const logger = pino({ level: 'silent' });
  const email = createEmailService({
    db: database.db,
    transport: resendTransport(config.resendApiKey!, config.resendBaseUrl),
    from: config.emailFrom,
    clock,
  });
  const activityDeps = {
    db: database.db,
    email,
    clock,
    appUrl: config.appUrl,
    authJwtSecret: TEST_SECRET,
    bookingUrl: config.bookingUrl,
    startSessionWorkflow: sessionWorkflowStarter(temporal.client, config.taskQueue),
  };

  let worker: { worker: Worker; running: Promise<void> } | null = null;
  const realActivities = createActivities(activityDeps);
  /** Starts a worker; a test may swap activities, e.g. one that fails after committing. */
  const startWorker = async (overrides: Partial<Activities> = {}) => {
    const activities = { ...realActivities, ...overrides };
    const created = await createWorker({
      address,
      namespace: config.temporalNamespace,
      taskQueue: config.taskQueue,
      activities,
    });
    worker = {
      worker: created.worker,
      running: created.worker.run().finally(() => created.connection.close()),
    };
    return created.worker;
  };
  const stopWorker = async () => {
    if (!worker) return;
    const current = worker;
    worker = null;
    current.worker.shutdown();
    await current.running;
  };
  if (options.worker !== false) await startWorker();

  const app = createApp({
    db: database.db,
    temporal: temporal.client,
    config,
    clock,
    email,
    logger,
    readiness: {
      postgres: database.ping,
      temporal: async () => {
        await temporal.connection.workflowService.getSystemInfo({});
      },
    },
  });
  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const token = (id: string, role: Role) => signToken(TEST_SECRET, { id, role });
  const as = async (id: string, role: Role) => httpClient(baseUrl, await token(id, role));
  const operator = await as(randomUUID(), 'operator');

  /** Makes the client the coach's own, as the back office does: a coach invites only these. */
  const assign = async (coach: { id: string }, client: { id: string }) => {
    const assigned = await operator.put(`/v1/coaches/${coach.id}/clients/${client.id}`, {});
    if (assigned.status !== 201 && assigned.status !== 200)
      throw new Error(`could not assign the client: ${JSON.stringify(assigned.body)}`);
  };

  /**
   * Creates a user through the back-office API and returns them with an API client of their own;
   * a client given a `coach` is assigned to that coach.
   */
  const createUser = async (
    role: 'coach' | 'client',
    fields: { timezone?: string; credits?: number; name?: string; coach?: { id: string } } = {},
  ) => {
    const id = randomUUID();
    const name = fields.name ?? `${role === 'coach' ? 'Coach' : 'Client'} ${id.slice(0, 4)}`;
    const created = await operator.put(`/v1/users/${id}`, {
      role,
      name,
      email: `${role}-${id.slice(0, 8)}@example.com`,
      timezone: fields.timezone ?? (role === 'coach' ? 'Europe/Berlin' : 'America/New_York'),
    });
    if (created.status !== 201)
      throw new Error(`could not create ${role}: ${JSON.stringify(created.body)}`);
    if (fields.credits) await operator.post(`/v1/users/${id}/credits`, { amount: fields.credits });
    if (fields.coach) await assign(fields.coach, { id });
    return { id, name, email: created.body.email as string, api: await as(id, role) };
  };

  return {
    baseUrl,
    config,
    database,
    db: database.db,
    resend,
    temporal,
    activityDeps,
    realActivities,
    operator,
    token,
    as,
    createUser,
    assign,
    startWorker,
    stopWorker,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await stopWorker();
      await temporal.close();
      await resend.close();
      await database.drop();
    },
  };
}

export type Harness = Awaited<ReturnType<typeof startHarness>>;

/** Polls `probe` until it returns a truthy value: tests wait for conditions, never for a guessed time. */
export async function eventually<T>(
  probe: () => Promise<T | undefined | null | false>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
