import { Runtime, type RuntimeOptions } from '@temporalio/worker';

/**
 * The Temporal runtime's telemetry: its worker metrics (task slots, poll and schedule-to-start
 * latencies, ...) and this service's own worker-side counters, served for Prometheus on
 * `0.0.0.0:<port>` (port 0: none).
 */
export function runtimeTelemetry(metricsPort: number): RuntimeOptions['telemetryOptions'] {
  if (metricsPort === 0) return undefined;
  return {
    metrics: {
      prometheus: { bindAddress: `0.0.0.0:${metricsPort}` },
    },
  };
}

/**
 * Installs the runtime with its metrics endpoint; when the port is taken (another worker on this
 * machine), warns and runs without one: a metrics port must not keep invites from moving.
 */
export function installRuntime(
  options: RuntimeOptions,
  metricsPort: number,
  warn: (message: string) => void,
): void {
  const telemetryOptions = runtimeTelemetry(metricsPort);
  if (!telemetryOptions) {
    Runtime.install(options);
    return;
  }
  try {
    Runtime.install({ ...options, telemetryOptions });
  } catch (error) {
    warn(`worker metrics are off: port ${metricsPort} could not be bound (${String(error)})`);
    Runtime.install(options);
  }
}
