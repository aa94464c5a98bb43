import { randomUUID } from 'node:crypto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { inject } from 'vitest';
import { createActivities } from '../../activities/index.js';
import { createEmailService } from '../../src/email/email-service.js';
import { resendTransport } from '../../src/email/transport.js';
import { ensureSearchAttributes } from '../../src/temporal/ensure-search-attributes.js';
import { sessionWorkflowStarter } from '../../src/temporal/session-workflow-starter.js';
import { workflowsPath } from '../../src/temporal/worker.js';
import type { InviteInput } from '../../src/domain/inputs.js';
import { createTestDatabase } from './database.js';
import { buildInviteInput, seedPerson } from './fixtures.js';
import { startFakeResend } from './fake-resend.js';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/**
 * The time-skipping test server with a real worker, real activities, a database of its own and the
 * fake Resend server. Move time with `env.sleep`: the server does not skip while a client waits on
 * an update (sdk-typescript#1549).
 */
export async function startTimeSkipping() {
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: inject('testServerPath') } },
  });
  await ensureSearchAttributes(env.connection, 'default');
  const database = await createTestDatabase();
  const resend = await startFakeResend();
  const taskQueue = `ts-${randomUUID()}`;
  const email = createEmailService({
    db: database.db,
    transport: resendTransport('re_test', resend.url),
    from: 'x@example.com',
    clock: () => new Date(),
  });
  const activities = createActivities({
    db: database.db,
    email,
    clock: () => new Date(),
    appUrl: 'https://app.example.com',
    authJwtSecret: 'test-secret-for-sign-in-links-only',
    startSessionWorkflow: sessionWorkflowStarter(env.client, taskQueue),
  });
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowsPath,
    activities,
  });
  const running = worker.run();

  const now = async () => new Date(await env.currentTimeMs());
  /** An invite sent now (server time) for a slot `startsInMs` ahead, with the default 7d TTL and 24h reminder. */
  const inviteInput = async (startsInMs: number, credits = 1): Promise<InviteInput> => {
    const sentAt = await now();
    return buildInviteInput({
      coachId: await seedPerson(database.db, 'coach', { at: sentAt }),
      clientId: await seedPerson(database.db, 'client', { at: sentAt, credits }),
      sentAt,
      startsInMs,
    });
  };

  return {
    env,
    activities,
    db: database.db,
    resend,
    taskQueue,
    now,
    inviteInput,
    close: async () => {
      worker.shutdown();
      await running;
      await resend.close();
      await database.drop();
      await env.teardown();
    },
  };
}

export type TimeSkipping = Awaited<ReturnType<typeof startTimeSkipping>>;
