import { fileURLToPath } from 'node:url';
import { NativeConnection, Runtime, Worker } from '@temporalio/worker';
import type { Activities } from '../../activities/index.js';

export const workflowsPath = fileURLToPath(new URL('../../workflows/index.ts', import.meta.url));

export interface WorkerOptions {
  address: string;
  namespace: string;
  taskQueue: string;
  activities: Activities;
}

/**
 * Installs the Temporal Runtime without its default SIGINT/SIGTERM handlers, so that only the
 * service shuts its worker down: a second `shutdown()` of a draining worker throws, and the service
 * must know when draining ends to close the database after it. Call before any worker exists.
 */
export function installWorkerRuntime(): void {
  Runtime.install({ shutdownSignals: [] });
}

/** Workflows kept in the worker's memory between their tasks; sized for this 2-core service. */
const MAX_CACHED_WORKFLOWS = 250;

/** A worker for this service's workflows and activities; `run()` polls until `shutdown()`. */
export async function createWorker(
  options: WorkerOptions,
): Promise<{ worker: Worker; connection: NativeConnection }> {
  const connection = await NativeConnection.connect({ address: options.address });
  const worker = await Worker.create({
    connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    workflowsPath,
    activities: options.activities,
    // Invites wait for days: keeping every waiting one in memory grows the worker without bound.
    // Past this many, the least recently used is evicted and replayed from its short history
    // when its next answer or timer arrives.
    maxCachedWorkflows: MAX_CACHED_WORKFLOWS,
  });
  return { worker, connection };
}
