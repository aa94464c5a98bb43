import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { Resource } from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  SimpleSpanProcessor,
  type SpanExporter,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

/** What the Temporal interceptors need once tracing is on: where spans go and who made them. */
export interface Tracing {
  resource: Resource;
  spanProcessor: SpanProcessor;
  /** Sends the spans still buffered and stops; spans after this are dropped. */
  shutdown(): Promise<void>;
}

let active: Tracing | null = null;

/** The tracing this process started, or null: then nothing is traced and nothing is wrapped. */
export function activeTracing(): Tracing | null {
  return active;
}

export interface TracingOptions {
  serviceName: string;
  /** OTEL_EXPORTER_OTLP_ENDPOINT; spans go there over OTLP/HTTP (`/v1/traces`). */
  otlpEndpoint?: string;
  /** Tests: an exporter of their own (e.g. in memory), its spans handed over as each ends. */
  exporter?: SpanExporter;
}

/**
 * Registers the global tracer provider (W3C trace context, async-local context) when there is
 * somewhere to send spans; otherwise does nothing, and OpenTelemetry's API stays a no-op. Call
 * once, first, before the database and Temporal connections are made.
 */
export function startTracing(options: TracingOptions): Tracing | null {
  if (active) return active;
  const spanProcessor = options.exporter
    ? new SimpleSpanProcessor(options.exporter)
    : options.otlpEndpoint
      ? // The exporter reads OTEL_EXPORTER_OTLP_* itself (endpoint, headers, timeout).
        new BatchSpanProcessor(new OTLPTraceExporter())
      : null;
  if (!spanProcessor) return null;
  const resource = Resource.default().merge(
    new Resource({ 'service.name': process.env.OTEL_SERVICE_NAME ?? options.serviceName }),
  );
  const provider = new NodeTracerProvider({ resource, spanProcessors: [spanProcessor] });
  provider.register();
  active = {
    resource,
    spanProcessor,
    shutdown: async () => {
      await provider.shutdown();
    },
  };
  return active;
}
