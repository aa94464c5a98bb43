/**
 * Reads once for every caller within `maxAgeMs`, and once for callers that arrive while a read is
 * under way, so several metrics (and several scrapers) share one set of queries.
 */
export function snapshotCache<T>(read: () => Promise<T>, maxAgeMs: number): () => Promise<T> {
  let current: { at: number; value: Promise<T> } | undefined;
  return () => {
    const now = Date.now();
    if (current && now - current.at < maxAgeMs) return current.value;
    const value = read();
    current = { at: now, value };
    // A failed read is not kept: the next scrape tries again.
    value.catch(() => {
      if (current?.value === value) current = undefined;
    });
    return value;
  };
}
