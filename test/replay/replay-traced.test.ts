import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils.js';
import { Worker } from '@temporalio/worker';
import { afterAll, describe, expect, it } from 'vitest';
import { startTracing } from '../../src/observability/tracing.js';
import { workerTracing } from '../../src/observability/worker-tracing.js';
import { workflowsPath } from '../../src/temporal/worker.js';

const dir = fileURLToPath(new URL('../fixtures/histories/', import.meta.url));
const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) =>
  file.endsWith('.json'),
);
const exporter = new InMemorySpanExporter();
const tracing = startTracing({ serviceName: 'replay-test', exporter })!;
afterAll(() => tracing.shutdown());

describe('replaying recorded histories with tracing on', () => {
  it('the workflow tracing interceptors change no command: every history replays', async () => {
    const histories = files.map((file) => ({
      workflowId: file.replace(/\.json$/, ''),
      history: historyFromJSON(JSON.parse(readFileSync(`${dir}${file}`, 'utf8'))),
    }));
    const { interceptors, sinks } = workerTracing(tracing);
    const failures: string[] = [];
    const options = {
      workflowsPath,
      interceptors: { workflowModules: interceptors.workflowModules },
      sinks,
    };
    for await (const result of Worker.runReplayHistories(options, histories)) {
      if (result.error) failures.push(`${result.workflowId}: ${result.error.message}`);
    }
    expect(failures).toEqual([]);
    expect(histories.length).toBeGreaterThanOrEqual(18);
  });
});
