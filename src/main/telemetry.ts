import type { Config } from '../config.js';
import { logger } from '../logger.js';
import { startTracing, type Tracing } from '../observability/tracing.js';
import { installWorkerRuntime } from '../temporal/worker.js';

/**
 * First thing in each entry point: tracing (when OTEL_EXPORTER_OTLP_ENDPOINT is set) before any
 * connection is made, and for a process that runs the worker, the Temporal runtime with its
 * metrics endpoint before any worker exists.
 */
export function startTelemetry(
  config: Config,
  serviceName: string,
  options: { worker: boolean },
): Tracing | null {
  const tracing = startTracing({ serviceName, otlpEndpoint: config.otlpEndpoint });
  if (options.worker) {
    installWorkerRuntime(config.workerMetricsPort, (message) => logger.warn(message));
  }
  return tracing;
}
