import { describe, expect, it } from 'vitest';
import { histogramValues } from '../../src/observability/custom-metric.js';
import { routeLabel, UNMATCHED_ROUTE, WEB_APP_ROUTE } from '../../src/observability/route-label.js';
import { snapshotCache } from '../../src/observability/snapshot-cache.js';
import { sqlOperation } from '../../src/observability/traced-sql.js';

describe('routeLabel', () => {
  it('is the route pattern that answered, never the raw path', () => {
    expect(routeLabel({ baseUrl: '', route: { path: '/v1/invites/:id/accept' } }, 200)).toBe(
      '/v1/invites/:id/accept',
    );
    expect(routeLabel({ baseUrl: '/v1', route: { path: '/sessions/:id' } }, 404)).toBe(
      '/v1/sessions/:id',
    );
  });

  it('gives every request no route answered one label', () => {
    expect(routeLabel({ baseUrl: '' }, 404)).toBe(UNMATCHED_ROUTE);
    expect(routeLabel({ baseUrl: '' }, 401)).toBe(UNMATCHED_ROUTE);
    expect(routeLabel({ baseUrl: '', route: { path: /regex/ } }, 500)).toBe(UNMATCHED_ROUTE);
    // The web app's files and page fallback answer without a route.
    expect(routeLabel({ baseUrl: '' }, 200)).toBe(WEB_APP_ROUTE);
    expect(routeLabel({ baseUrl: '' }, 304)).toBe(WEB_APP_ROUTE);
  });
});

describe('sqlOperation', () => {
  it("is the statement's first keyword, upper-cased", () => {
    expect(sqlOperation('select "id" from "invites" where "id" = $1')).toBe('SELECT');
    expect(sqlOperation('\n  with moved as (update x set y = 1) select 1')).toBe('WITH');
    expect(sqlOperation('-- why\ninsert into t values ($1)')).toBe('INSERT');
    expect(sqlOperation('')).toBe('UNKNOWN');
    expect(sqlOperation('$1')).toBe('UNKNOWN');
  });
});

describe('histogramValues', () => {
  it('writes cumulative buckets, +Inf as the count, then sum and count', () => {
    const values = histogramValues('t', { outcome: 'accepted' }, [1, 10], [2, 3], 12.5, 4);
    expect(values.map((v) => [v.metricName, v.labels, v.value])).toEqual([
      ['t_bucket', { outcome: 'accepted', le: 1 }, 2],
      ['t_bucket', { outcome: 'accepted', le: 10 }, 3],
      ['t_bucket', { outcome: 'accepted', le: '+Inf' }, 4],
      ['t_sum', { outcome: 'accepted' }, 12.5],
      ['t_count', { outcome: 'accepted' }, 4],
    ]);
  });
});

describe('snapshotCache', () => {
  it('reads once for callers within its age, and again after a failure', async () => {
    let reads = 0;
    let fail = true;
    const cached = snapshotCache(async () => {
      reads++;
      if (fail) throw new Error('down');
      return reads;
    }, 60_000);
    await expect(cached()).rejects.toThrow('down');
    fail = false;
    const [a, b] = await Promise.all([cached(), cached()]);
    expect([a, b, await cached(), reads]).toEqual([2, 2, 2, 2]);
  });
});
