import { useCallback, useRef, useState } from 'react';
import type { Outcome, Problem } from '../api/problems';

/**
 * One button's request. While it runs, `pending` disables the button, and a second call (a double
 * click, a quick Enter) does nothing: one click, one request.
 */
export function useAction<A extends unknown[], T>(action: (...args: A) => Promise<Outcome<T>>) {
  const running = useRef(false);
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);

  const start = useCallback(
    async (...args: A): Promise<Outcome<T> | null> => {
      if (running.current) return null;
      running.current = true;
      setPending(true);
      setProblem(null);
      try {
        const outcome = await action(...args);
        if (!outcome.ok) setProblem(outcome.problem);
        return outcome;
      } finally {
        running.current = false;
        setPending(false);
      }
    },
    [action],
  );
  return { start, pending, problem, setProblem };
}
