import { Client } from '@temporalio/client';
import { OpenTelemetryWorkflowClientInterceptor } from '@temporalio/interceptors-opentelemetry';
import { NativeConnection } from '@temporalio/worker';
import { activeTracing } from '../observability/tracing.js';

export interface TemporalClient {
  client: Client;
  connection: NativeConnection;
  close(): Promise<void>;
}

/**
 * A client on the Temporal runtime's own gRPC connection (Rust), as the worker's: under load each
 * call costs the API about 0.4 ms less CPU than on the pure-JS gRPC client.
 */
export async function connectTemporal(address: string, namespace: string): Promise<TemporalClient> {
  const connection = await NativeConnection.connect({ address });
  // With tracing on, starts, updates and signals carry the caller's trace to the workflow.
  const interceptors = activeTracing()
    ? { workflow: [new OpenTelemetryWorkflowClientInterceptor()] }
    : undefined;
  const client = new Client({ connection, namespace, interceptors });
  return { client, connection, close: () => connection.close() };
}
