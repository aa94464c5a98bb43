import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils.js';
import { Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { workflowsPath } from '../../src/temporal/worker.js';

const dir = fileURLToPath(new URL('../fixtures/histories/', import.meta.url));
/** Every generation's histories: `current/` and the folders of older workflow code. */
const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) =>
  file.endsWith('.json'),
);

describe('replaying recorded histories (npm run record-histories re-records them)', () => {
  it('has a history for each way a workflow ends', () => {
    expect(files.filter((file) => file.startsWith('current/')).length).toBeGreaterThanOrEqual(9);
    expect(files.length).toBeGreaterThanOrEqual(18);
  });

  it('replays every history without a determinism error', async () => {
    const histories = files.map((file) => ({
      workflowId: file.replace(/\.json$/, ''),
      history: historyFromJSON(JSON.parse(readFileSync(`${dir}${file}`, 'utf8'))),
    }));
    const failures: string[] = [];
    for await (const result of Worker.runReplayHistories({ workflowsPath }, histories)) {
      if (result.error) failures.push(`${result.workflowId}: ${result.error.message}`);
    }
    expect(failures).toEqual([]);
  });
});
