import { loadConfig } from '../config.js';
import { connectDatabase } from '../db/client.js';
import { logger } from '../logger.js';
import { connectTemporal } from '../temporal/client.js';
import { ensureSearchAttributes } from '../temporal/ensure-search-attributes.js';
import { onShutdown, startWorker } from './services.js';

/** The Temporal worker alone, against DATABASE_URL and TEMPORAL_ADDRESS. */
async function main() {
  const config = loadConfig();
  if (!config.databaseUrl || !config.temporalAddress) {
    throw new Error(
      'npm run worker needs DATABASE_URL and TEMPORAL_ADDRESS; npm start runs everything embedded',
    );
  }
  const temporal = await connectTemporal(config.temporalAddress, config.temporalNamespace);
  await ensureSearchAttributes(temporal.connection, config.temporalNamespace);
  await temporal.close();
  const database = connectDatabase(config.databaseUrl);
  const worker = await startWorker({ config, address: config.temporalAddress, database });
  logger.info({ taskQueue: config.taskQueue }, 'worker polling');
  onShutdown(logger, [worker.stop, database.close]);
  await worker.running;
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, 'worker failed');
  process.exit(1);
});
