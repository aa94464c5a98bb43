import { api } from '../../api/client';
import { run, type Problem } from '../../api/problems';
import { usePagedList } from '../usePagedList';
import type { Resource } from '../useResource';

/** The coach's booked sessions, soonest first. */
export function useBookedSessions() {
  return usePagedList((cursor) =>
    run(() =>
      api.GET('/v1/sessions', {
        params: { query: { status: 'booked', ...(cursor ? { cursor } : {}) } },
      }),
    ),
  );
}

/** The coach's invites still waiting for an answer, soonest slot first. */
export function usePendingInvites() {
  return usePagedList((cursor) =>
    run(() =>
      api.GET('/v1/invites', {
        params: { query: { status: 'pending', ...(cursor ? { cursor } : {}) } },
      }),
    ),
  );
}

/** What a paged list hook gives a section to show. */
export interface PagedList<T> {
  first: Resource<unknown>;
  items: T[];
  hasMore: boolean;
  showMore: () => Promise<void>;
  loadingMore: boolean;
  moreProblem: Problem | null;
  refresh: () => Promise<void>;
}
