import { fileURLToPath } from 'node:url';
import { NativeConnection, Worker } from '@temporalio/worker';
import { BARE_TASK_QUEUE, type BareActivities } from './bare-workflow.js';

/** The bare workflow's worker, a process of its own so that its CPU is measured apart. */
async function main() {
  const address = process.env.TEMPORAL_ADDRESS;
  if (!address) throw new Error('TEMPORAL_ADDRESS is required');
  const connection = await NativeConnection.connect({ address });
  const activities: BareActivities = { noop: async () => {} };
  const worker = await Worker.create({
    connection,
    namespace: 'default',
    taskQueue: BARE_TASK_QUEUE,
    workflowsPath: fileURLToPath(new URL('./bare-workflow.ts', import.meta.url)),
    activities,
  });
  console.log('bare worker polling');
  await worker.run();
  await connection.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
