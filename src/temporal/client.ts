import { Client, Connection } from '@temporalio/client';
import { OpenTelemetryWorkflowClientInterceptor } from '@temporalio/interceptors-opentelemetry';
import { activeTracing } from '../observability/tracing.js';

export interface TemporalClient {
  client: Client;
  connection: Connection;
  close(): Promise<void>;
}

export async function connectTemporal(address: string, namespace: string): Promise<TemporalClient> {
  const connection = await Connection.connect({ address });
  // With tracing on, starts, updates and signals carry the caller's trace to the workflow.
  const interceptors = activeTracing()
    ? { workflow: [new OpenTelemetryWorkflowClientInterceptor()] }
    : undefined;
  const client = new Client({ connection, namespace, interceptors });
  return { client, connection, close: () => connection.close() };
}
