const steps: (() => Promise<unknown>)[] = [];

/** Registers a step that stops something the run started; steps run last-registered first. */
export function atCleanup(step: () => Promise<unknown>): void {
  steps.push(step);
}

/** Stops everything registered, once, whatever failed before. */
export async function cleanUp(): Promise<void> {
  while (steps.length > 0) {
    const step = steps.pop()!;
    await step().catch((error: unknown) => console.error('cleanup step failed:', error));
  }
}
