import { jwtSecret, loadConfig } from '../config.js';
import { connectDatabase } from '../db/client.js';
import { logger } from '../logger.js';
import { connectTemporal } from '../temporal/client.js';
import { ensureSearchAttributes } from '../temporal/ensure-search-attributes.js';
import { startTelemetry } from './telemetry.js';
import { onShutdown, tracingShutdown } from './shutdown.js';
import { startWorker } from './start-services.js';

/** The Temporal worker alone, against DATABASE_URL and TEMPORAL_ADDRESS. */
async function main() {
  const config = loadConfig();
  // Deployed with the API's environment: a missing or weak secret is refused on both sides.
  const secret = jwtSecret(config, 'service');
  if (!config.databaseUrl || !config.temporalAddress) {
    throw new Error(
      'npm run worker needs DATABASE_URL and TEMPORAL_ADDRESS; npm start runs everything embedded',
    );
  }
  const tracing = startTelemetry(config, 'coach-invites-worker', { worker: true });
  const temporal = await connectTemporal(config.temporalAddress, config.temporalNamespace);
  await ensureSearchAttributes(temporal.connection, config.temporalNamespace);
  await temporal.close();
  const database = connectDatabase(config.databaseUrl);
  const worker = await startWorker({
    config,
    secret,
    address: config.temporalAddress,
    database,
  });
  onShutdown(logger, [
    ['worker drained', worker.stop],
    ['database closed', database.close],
    ...tracingShutdown(tracing),
  ]);
  logger.info({ taskQueue: config.taskQueue }, 'worker polling');
  await worker.running;
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, 'worker failed');
  process.exit(1);
});
