const steps: (() => Promise<unknown>)[] = [];
let running: Promise<void> | null = null;

/** Registers a step that stops something the run started; steps run last-registered first. */
export function atCleanup(step: () => Promise<unknown>): void {
  steps.push(step);
}

/** Stops everything registered, once, whatever failed before; a second caller waits for the first. */
export function cleanUp(): Promise<void> {
  running ??= (async () => {
    while (steps.length > 0) {
      const step = steps.pop()!;
      await step().catch((error: unknown) => console.error('cleanup step failed:', error));
    }
  })().finally(() => (running = null));
  return running;
}
