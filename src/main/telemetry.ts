import type { Config } from '../config.js';
import { logger } from '../logger.js';
import { startTracing, type Tracing } from '../observability/tracing.js';
import { installTemporalRuntime } from '../temporal/worker.js';

/**
 * First thing in each entry point: tracing (when OTEL_EXPORTER_OTLP_ENDPOINT is set) before any
 * connection is made, and the Temporal runtime that the process's Temporal connections run on;
 * a process that runs the worker also serves the worker's metrics.
 */
export function startTelemetry(
  config: Config,
  serviceName: string,
  options: { worker: boolean },
): Tracing | null {
  const tracing = startTracing({ serviceName, otlpEndpoint: config.otlpEndpoint });
  installTemporalRuntime(options.worker ? config.workerMetricsPort : 0, (message) =>
    logger.warn(message),
  );
  return tracing;
}
