import { jwtSecret, loadConfig } from '../config.js';
import { connectDatabase } from '../db/client.js';
import { startEmbeddedPostgres } from '../db/embedded.js';
import { migrateDatabase } from '../db/migrate.js';
import { ensureWebApp } from '../api/web-app.js';
import { logger } from '../logger.js';
import { connectTemporal } from '../temporal/client.js';
import { startDevServer } from '../temporal/dev-server.js';
import { ensureSearchAttributes } from '../temporal/ensure-search-attributes.js';
import { demoSignInLines, demoTokenLines, seedDemo } from './seed-demo.js';
import { startTelemetry } from './telemetry.js';
import { closeServer, onShutdown, tracingShutdown, type ShutdownStep } from './shutdown.js';
import { startApi, startWorker, systemClock } from './start-services.js';

const EMBEDDED_POSTGRES_PORT = Number(process.env.EMBEDDED_POSTGRES_PORT ?? 54329);
const EMBEDDED_TEMPORAL_PORT = Number(process.env.EMBEDDED_TEMPORAL_PORT ?? 7233);

/** `npm start`: the whole service in one process tree, embedding whatever is not configured. */
async function main() {
  const config = loadConfig();
  const secret = jwtSecret(config, 'development');
  if (!config.authJwtSecret) {
    logger.warn('AUTH_JWT_SECRET is unset: signing with a secret made up for this run');
  }
  const tracing = startTelemetry(config, 'coach-invites', { worker: true });

  const embeddedPostgres = config.databaseUrl
    ? null
    : await startEmbeddedPostgres(config.dataDir, EMBEDDED_POSTGRES_PORT);
  const databaseUrl = config.databaseUrl ?? embeddedPostgres!.url;
  const devServer = config.temporalAddress
    ? null
    : await startDevServer({
        dataDir: config.dataDir,
        port: EMBEDDED_TEMPORAL_PORT,
        uiPort: config.temporalUiPort,
        namespace: config.temporalNamespace,
      });
  const address = config.temporalAddress ?? devServer!.address;

  await migrateDatabase(databaseUrl);
  await ensureWebApp((message) => logger.info(message));
  const database = connectDatabase(databaseUrl);
  const temporal = await connectTemporal(address, config.temporalNamespace);
  await ensureSearchAttributes(temporal.connection, config.temporalNamespace);
  const worker = await startWorker({ config, secret, address, database });
  const server = await startApi({ config, secret, database, temporal, logger });

  const steps: ShutdownStep[] = [
    ['HTTP server closed', () => closeServer(server)],
    ['worker drained', worker.stop],
    ['Temporal client closed', temporal.close],
    ['database closed', database.close],
  ];
  if (devServer) steps.push(['Temporal dev server stopped', devServer.stop]);
  if (embeddedPostgres) steps.push(['embedded PostgreSQL stopped', embeddedPostgres.stop]);
  steps.push(...tracingShutdown(tracing));
  onShutdown(logger, steps);

  const lines = [
    `Web app:     ${config.appUrl}`,
    `API:         http://localhost:${config.port}  (contract: /openapi.json)`,
    `Temporal UI: ${devServer?.uiUrl ?? `served by your Temporal at ${address}`}`,
    `Postgres:    ${databaseUrl.replace(/:[^:@/]+@/, ':***@')}`,
  ];
  if (embeddedPostgres) {
    await seedDemo(database.db, systemClock());
    lines.push(
      '',
      ...(await demoTokenLines(secret)),
      '',
      ...(await demoSignInLines(secret, config.appUrl, systemClock())),
    );
  }
  console.log(`\ncoach-invites is running\n${lines.join('\n')}\n`);
  await worker.running;
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, 'start failed');
  process.exit(1);
});
