import type { Metric, Registry } from 'prom-client';

export interface CollectedValue {
  value: number;
  labels: Record<string, string | number>;
  /** A histogram's `_bucket`, `_sum` and `_count` lines name themselves. */
  metricName?: string;
}

export interface CollectedMetric {
  name: string;
  help: string;
  type: 'counter' | 'gauge' | 'histogram';
  values: () => Promise<CollectedValue[]>;
}

/**
 * A metric whose values are read when Prometheus scrapes (from PostgreSQL here), not counted in
 * this process: prom-client's own classes can only count, and a histogram cannot be set.
 */
export function registerCollected(registry: Registry, metric: CollectedMetric): void {
  const collected = {
    name: metric.name,
    help: metric.help,
    type: metric.type,
    get: async () => ({
      name: metric.name,
      help: metric.help,
      type: metric.type,
      // Every replica reads the same rows: aggregate across instances with max, never sum.
      aggregator: 'max',
      values: await metric.values(),
    }),
  };
  // The registry needs only a name and `get()`; its type names prom-client's own classes.
  registry.registerMetric(collected as unknown as Metric);
}

/** A histogram's lines from cumulative bucket counts (one per bound, ascending), sum and count. */
export function histogramValues(
  name: string,
  labels: Record<string, string>,
  bounds: readonly number[],
  cumulative: readonly number[],
  sum: number,
  count: number,
): CollectedValue[] {
  return [
    ...bounds.map((le, i) => ({
      metricName: `${name}_bucket`,
      labels: { ...labels, le },
      value: cumulative[i] ?? 0,
    })),
    { metricName: `${name}_bucket`, labels: { ...labels, le: '+Inf' }, value: count },
    { metricName: `${name}_sum`, labels, value: sum },
    { metricName: `${name}_count`, labels, value: count },
  ];
}
