import { useCallback, useState } from 'react';
import type { Outcome } from '../api/problems';
import { useAction } from './useAction';
import { useResource } from './useResource';

interface Page {
  items: unknown[];
  nextCursor: string | null;
}

/**
 * A paged list (`{ items, nextCursor }`): the first page on arrival, then one more page for each
 * "Show more", appended in order.
 */
export function usePagedList<P extends Page>(
  load: (cursor: string | undefined) => Promise<Outcome<P>>,
) {
  type T = P['items'][number];
  const [first, reload] = useResource(() => load(undefined), []);
  const [more, setMore] = useState<{ items: T[]; nextCursor: string | null } | null>(null);
  const loadingMore = useAction(load);

  const items: T[] = first.status === 'ready' ? [...first.data.items, ...(more?.items ?? [])] : [];
  const nextCursor = more
    ? more.nextCursor
    : first.status === 'ready'
      ? first.data.nextCursor
      : null;

  const showMore = useCallback(async () => {
    if (!nextCursor) return;
    const outcome = await loadingMore.start(nextCursor);
    if (outcome?.ok) {
      setMore((current) => ({
        items: [...(current?.items ?? []), ...outcome.data.items],
        nextCursor: outcome.data.nextCursor,
      }));
    }
  }, [nextCursor, loadingMore]);

  const refresh = useCallback(async () => {
    setMore(null);
    await reload();
  }, [reload]);

  return {
    first,
    items,
    hasMore: nextCursor !== null,
    showMore,
    loadingMore: loadingMore.pending,
    moreProblem: loadingMore.problem,
    refresh,
  };
}
