import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { activeTracing, startTracing } from '../../src/observability/tracing.js';
import { runtimeTelemetry } from '../../src/observability/worker-runtime.js';

describe('telemetry configuration', () => {
  it('serves worker metrics on 9464 unless WORKER_METRICS_PORT says otherwise (0: none)', () => {
    expect(loadConfig({}).workerMetricsPort).toBe(9464);
    expect(loadConfig({ WORKER_METRICS_PORT: '9500' }).workerMetricsPort).toBe(9500);
    expect(runtimeTelemetry(9500)).toEqual({
      metrics: { prometheus: { bindAddress: '0.0.0.0:9500' } },
    });
    expect(runtimeTelemetry(0)).toBeUndefined();
    expect(() => loadConfig({ WORKER_METRICS_PORT: 'metrics' })).toThrow(ConfigError);
  });

  it('reads OTEL_EXPORTER_OTLP_ENDPOINT as an http(s) URL, unset by default', () => {
    expect(loadConfig({}).otlpEndpoint).toBeUndefined();
    expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' }).otlpEndpoint).toBe(
      'http://collector:4318',
    );
    expect(() => loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' })).toThrow(
      /OTEL_EXPORTER_OTLP_ENDPOINT/,
    );
  });

  it('starts no tracing without an endpoint: nothing to register, nothing wrapped', () => {
    expect(startTracing({ serviceName: 'unit', otlpEndpoint: undefined })).toBeNull();
    expect(activeTracing()).toBeNull();
  });
});
