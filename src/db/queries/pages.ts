import { sql, type AnyColumn, type SQL } from 'drizzle-orm';

/** Where a page starts: after the row with this sort value and id (keyset paging). */
export interface PageKey {
  at: Date;
  id: string;
}

export interface PageRequest {
  limit: number;
  after?: PageKey;
}

export interface Page<T> {
  items: T[];
  /** The key of the last item, when more rows follow. */
  next: PageKey | null;
}

/** Rows after `key` in (`at`, `id`) order, ascending or descending, as an index can serve it. */
export function afterKey(
  at: AnyColumn,
  id: AnyColumn,
  key: PageKey | undefined,
  direction: 'asc' | 'desc',
): SQL | undefined {
  if (!key) return undefined;
  const keyAt = key.at.toISOString();
  return direction === 'asc'
    ? sql`(${at}, ${id}) > (${keyAt}::timestamptz, ${key.id}::uuid)`
    : sql`(${at}, ${id}) < (${keyAt}::timestamptz, ${key.id}::uuid)`;
}

/** A page from `limit + 1` fetched rows: the extra row only says that more follow. */
export function pageOf<R, T>(
  rows: R[],
  limit: number,
  keyOf: (row: R) => PageKey,
  view: (row: R) => T,
): Page<T> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items: items.map(view), next: rows.length > limit && last ? keyOf(last) : null };
}
