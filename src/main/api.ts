import { jwtSecret, loadConfig } from '../config.js';
import { connectDatabase } from '../db/client.js';
import { migrateDatabase } from '../db/migrate.js';
import { logger } from '../logger.js';
import { connectTemporal } from '../temporal/client.js';
import { startTelemetry } from './telemetry.js';
import { closeServer, onShutdown, tracingShutdown } from './shutdown.js';
import { startApi } from './start-services.js';

/** The HTTP API alone, against DATABASE_URL and TEMPORAL_ADDRESS; applies migrations first. */
async function main() {
  const config = loadConfig();
  const secret = jwtSecret(config, 'service');
  if (!config.databaseUrl || !config.temporalAddress) {
    throw new Error(
      'npm run api needs DATABASE_URL and TEMPORAL_ADDRESS; npm start runs everything embedded',
    );
  }
  const tracing = startTelemetry(config, 'coach-invites-api', { worker: false });
  await migrateDatabase(config.databaseUrl);
  const database = connectDatabase(config.databaseUrl);
  const temporal = await connectTemporal(config.temporalAddress, config.temporalNamespace);
  const server = await startApi({
    config,
    secret,
    database,
    temporal,
    logger,
  });
  logger.info({ port: config.port }, 'API listening');
  onShutdown(logger, [
    ['HTTP server closed', () => closeServer(server)],
    ['Temporal client closed', temporal.close],
    ['database closed', database.close],
    ...tracingShutdown(tracing),
  ]);
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, 'API failed to start');
  process.exit(1);
});
