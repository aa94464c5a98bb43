import type { Server } from 'node:http';
import type { Logger } from 'pino';
import { createApp } from '../api/app.js';
import type { ApiDeps } from '../api/deps.js';
import type { Config } from '../config.js';
import type { Database } from '../db/client.js';
import { createEmailService } from '../email/email-service.js';
import { logTransport, resendTransport } from '../email/transport.js';
import type { TemporalClient } from '../temporal/client.js';
import { createWorker } from '../temporal/worker.js';
import { connectTemporal } from '../temporal/client.js';
import { sessionWorkflowStarter } from '../temporal/session-workflow-starter.js';
import { logger } from '../logger.js';
import { startWebhookRelay } from '../webhooks/relay.js';
import { createActivities } from '../../activities/index.js';

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
    email: emailService(input.config, input.database),
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

export async function startWorker(input: {
  config: Config;
  /** AUTH_JWT_SECRET as `jwtSecret` settled it: signs the sign-in links in emails. */
  secret: string;
  address: string;
  database: Database;
}) {
  // The worker's own client: acceptances start sessions' workflows, the relay webhooks'.
  const temporal = await connectTemporal(input.address, input.config.temporalNamespace);
  const { worker, connection } = await createWorker({
    address: input.address,
    namespace: input.config.temporalNamespace,
    taskQueue: input.config.taskQueue,
    activities: createActivities({
      db: input.database.db,
      email: emailService(input.config, input.database),
      clock: systemClock,
      appUrl: input.config.appUrl,
      authJwtSecret: input.secret,
      bookingUrl: input.config.bookingUrl,
      production: input.config.production,
      startSessionWorkflow: sessionWorkflowStarter(temporal.client, input.config.taskQueue),
    }),
  });
  const running = worker.run();
  // The webhook relay lives beside the worker: it turns outbox deliveries into workflows.
  const relay = startWebhookRelay({
    db: input.database.db,
    client: temporal.client,
    taskQueue: input.config.taskQueue,
    schedule: input.config.webhooks.retry,
    intervalMs: input.config.webhooks.relayIntervalMs,
    logger,
  });
  const drain = async () => {
    await relay.stop();
    worker.shutdown();
    await running;
    await temporal.close();
    await connection.close();
  };
  let stopped: Promise<void> | undefined;
  return {
    running,
    /** Shuts the worker down once, waits for its in-flight tasks, then closes its connection. */
    stop: () => (stopped ??= drain()),
  };
}
