import type { Logger } from 'pino';
import { createApp } from '../api/app.js';
import type { ApiDeps } from '../api/deps.js';
import type { Config } from '../config.js';
import type { Database } from '../db/client.js';
import { createEmailService } from '../email/email-service.js';
import { logTransport, resendTransport } from '../email/transport.js';
import type { TemporalClient } from '../temporal/client.js';
import { createWorker } from '../temporal/worker.js';
import { createActivities } from '../../activities/index.js';
import type { Server } from 'node:http';

export const systemClock = () => new Date();

export function emailService(config: Config, database: Database) {
  const transport = config.resendApiKey
    ? resendTransport(config.resendApiKey, config.resendBaseUrl)
    : logTransport();
  return createEmailService({
    db: database.db,
    transport,
    from: config.emailFrom,
    clock: systemClock,
  });
}

export async function startApi(input: {
  config: Config;
  secret: string;
  database: Database;
  temporal: TemporalClient;
  logger: Logger;
}): Promise<Server> {
  const deps: ApiDeps = {
    db: input.database.db,
    temporal: input.temporal.client,
    config: { ...input.config, authJwtSecret: input.secret },
    clock: systemClock,
    logger: input.logger,
    readiness: {
      postgres: input.database.ping,
      temporal: async () => {
        await input.temporal.connection.workflowService.getSystemInfo({});
      },
    },
  };
  const app = createApp(deps);
  return new Promise((resolve) => {
    const server = app.listen(input.config.port, () => resolve(server));
  });
}

export async function startWorker(input: { config: Config; address: string; database: Database }) {
  const { worker, connection } = await createWorker({
    address: input.address,
    namespace: input.config.temporalNamespace,
    taskQueue: input.config.taskQueue,
    activities: createActivities({
      db: input.database.db,
      email: emailService(input.config, input.database),
      clock: systemClock,
      appUrl: input.config.appUrl,
    }),
  });
  const running = worker.run();
  const drain = async () => {
    worker.shutdown();
    await running;
    await connection.close();
  };
  let stopped: Promise<void> | undefined;
  return {
    running,
    /** Shuts the worker down once, waits for its in-flight tasks, then closes its connection. */
    stop: () => (stopped ??= drain()),
  };
}

/** A shutdown step and the line logged once it is done, so the order shows in the log. */
export type ShutdownStep = [done: string, run: () => Promise<unknown>];

/**
 * Runs `steps` in order on SIGTERM or SIGINT, then exits: 0 when every step succeeded. The Temporal
 * Runtime must not shut workers down on signals itself (see `installWorkerRuntime`).
 */
export function onShutdown(logger: Logger, steps: ShutdownStep[]): void {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    let failed = false;
    for (const [done, run] of steps) {
      try {
        await run();
        logger.info(done);
      } catch (error) {
        failed = true;
        logger.error({ err: error, step: done }, 'shutdown step failed');
      }
    }
    process.exit(failed ? 1 : 0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

export const closeServer = (server: Server) =>
  new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
