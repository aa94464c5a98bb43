import { fileURLToPath } from 'node:url';
import {
  makeWorkflowExporter,
  OpenTelemetryActivityInboundInterceptor,
  OpenTelemetryActivityOutboundInterceptor,
} from '@temporalio/interceptors-opentelemetry';
import type { InjectedSinks, WorkerInterceptors } from '@temporalio/worker';
import type { OpenTelemetrySinks } from '@temporalio/interceptors-opentelemetry/lib/workflow/index.js';
import type { Tracing } from './tracing.js';

export const tracingInterceptorsPath = fileURLToPath(
  new URL('../../workflows/tracing-interceptors.ts', import.meta.url),
);

/**
 * What a worker adds when tracing is on: the workflow interceptors inside the sandbox (their spans
 * leave it through the `exporter` sink), and an active span around each activity, so the database
 * spans of its queries are its children.
 */
export function workerTracing(tracing: Tracing): {
  interceptors: Required<Pick<WorkerInterceptors, 'workflowModules' | 'activity'>>;
  sinks: InjectedSinks<OpenTelemetrySinks>;
} {
  return {
    interceptors: {
      workflowModules: [tracingInterceptorsPath],
      activity: [
        (ctx) => ({
          inbound: new OpenTelemetryActivityInboundInterceptor(ctx),
          outbound: new OpenTelemetryActivityOutboundInterceptor(ctx),
        }),
      ],
    },
    sinks: { exporter: makeWorkflowExporter(tracing.spanProcessor, tracing.resource) },
  };
}
