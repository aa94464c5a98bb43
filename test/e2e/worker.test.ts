import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import proto from '@temporalio/proto';
import { eventually, startHarness, type Harness } from '../support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const pollers = async (taskQueueType: proto.temporal.api.enums.v1.TaskQueueType) => {
  const described = await h.temporal.client.workflowService.describeTaskQueue({
    namespace: h.config.temporalNamespace,
    taskQueue: { name: h.config.taskQueue },
    taskQueueType,
  });
  return described.pollers ?? [];
};

describe('worker', () => {
  it('connects and polls its task queue for workflow and activity tasks', async () => {
    const { TASK_QUEUE_TYPE_WORKFLOW, TASK_QUEUE_TYPE_ACTIVITY } =
      proto.temporal.api.enums.v1.TaskQueueType;
    expect(
      (
        await eventually(
          async () =>
            (await pollers(TASK_QUEUE_TYPE_WORKFLOW)).length > 0 &&
            pollers(TASK_QUEUE_TYPE_WORKFLOW),
        )
      ).length,
    ).toBeGreaterThan(0);
    expect(
      (
        await eventually(
          async () =>
            (await pollers(TASK_QUEUE_TYPE_ACTIVITY)).length > 0 &&
            pollers(TASK_QUEUE_TYPE_ACTIVITY),
        )
      ).length,
    ).toBeGreaterThan(0);
  });
});
