import { useCallback, useEffect, useState } from 'react';
import type { Outcome, Problem } from '../api/problems';

export type Resource<T> =
  { status: 'loading' } | { status: 'ready'; data: T } | { status: 'failed'; problem: Problem };

/**
 * Loads what a page shows when its inputs change. `reload` refreshes in place: the page keeps
 * showing what it has (and any message beside it) until the new answer arrives.
 */
export function useResource<T>(
  load: () => Promise<Outcome<T>>,
  inputs: readonly unknown[],
): [Resource<T>, () => Promise<void>] {
  const [resource, setResource] = useState<Resource<T>>({ status: 'loading' });
  const stableLoad = useCallback(load, inputs);

  const apply = useCallback((outcome: Outcome<T>) => {
    setResource(
      outcome.ok
        ? { status: 'ready', data: outcome.data }
        : { status: 'failed', problem: outcome.problem },
    );
  }, []);

  useEffect(() => {
    let current = true;
    setResource({ status: 'loading' });
    void stableLoad().then((outcome) => {
      if (current) apply(outcome);
    });
    return () => {
      current = false;
    };
  }, [stableLoad, apply]);

  const reload = useCallback(async () => apply(await stableLoad()), [stableLoad, apply]);
  return [resource, reload];
}
