import { fileURLToPath } from 'node:url';
import { NativeConnection, Worker } from '@temporalio/worker';
import type { Activities } from '../../activities/index.js';
import { countInviteRejections } from '../observability/invite-rejections.js';
import { activeTracing } from '../observability/tracing.js';
import { workerTracing } from '../observability/worker-tracing.js';
import { installRuntime } from '../observability/worker-runtime.js';

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
 * must know when draining ends to close the database after it. Its Prometheus endpoint serves the
 * worker's metrics on `metricsPort` (WORKER_METRICS_PORT; 0: none). Call before any Temporal
 * connection exists.
 */
export function installTemporalRuntime(
  metricsPort = 0,
  warn: (message: string) => void = () => {},
) {
  installRuntime({ shutdownSignals: [] }, metricsPort, warn);
}

/**
 * Workflows kept in the worker's memory between their tasks, about 1 MiB each; sized for this
 * 2-core service (32 flows at once keep 64 workflows busy; the benchmark's RSS rose 1.53× with
 * 5,000 waiting invites at 250, 1.24× at 100).
 */
const MAX_CACHED_WORKFLOWS = 100;

/** A worker for this service's workflows and activities; `run()` polls until `shutdown()`. */
export async function createWorker(
  options: WorkerOptions,
): Promise<{ worker: Worker; connection: NativeConnection }> {
  const connection = await NativeConnection.connect({ address: options.address });
  const tracing = activeTracing();
  const traced = tracing ? workerTracing(tracing) : undefined;
  const worker = await Worker.create({
    connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    workflowsPath,
    activities: options.activities,
    interceptors: {
      workflowModules: traced?.interceptors.workflowModules ?? [],
      activity: [countInviteRejections, ...(traced?.interceptors.activity ?? [])],
    },
    ...(traced && { sinks: traced.sinks }),
    // Invites wait for days: keeping every waiting one in memory grows the worker without bound.
    // Past this many, the least recently used is evicted and replayed from its short history
    // when its next answer or timer arrives.
    maxCachedWorkflows: MAX_CACHED_WORKFLOWS,
  });
  return { worker, connection };
}
