import { condition } from '@temporalio/workflow';

/** Runs a workflow's handlers one at a time: a waiter re-checks after waking, so two never enter together. */
export function createMutex() {
  let held = false;
  return {
    get held() {
      return held;
    },
    async run<T>(work: () => Promise<T>): Promise<T> {
      while (held) await condition(() => !held);
      held = true;
      try {
        return await work();
      } finally {
        held = false;
      }
    },
  };
}
