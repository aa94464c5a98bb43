import type { WorkflowInterceptors } from '@temporalio/workflow';
import {
  OpenTelemetryInboundInterceptor,
  OpenTelemetryInternalsInterceptor,
  OpenTelemetryOutboundInterceptor,
} from '@temporalio/interceptors-opentelemetry/lib/workflow/index.js';

/**
 * Loaded into the workflow sandbox only when tracing is on (`interceptors.workflowModules`): the
 * workflow's run, updates and signals continue the caller's trace, and the activities it schedules
 * carry that trace in their headers. Spans leave the sandbox through the `exporter` sink. The
 * package's own module path is imported so the sandbox never sees its Node-side code.
 */
export const interceptors = (): WorkflowInterceptors => ({
  inbound: [new OpenTelemetryInboundInterceptor()],
  outbound: [new OpenTelemetryOutboundInterceptor()],
  internals: [new OpenTelemetryInternalsInterceptor()],
});
