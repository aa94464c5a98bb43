import { api } from '../api/client';
import { run } from '../api/problems';
import { usePagedList } from './usePagedList';

export function useNotifications() {
  return usePagedList((cursor) =>
    run(() => api.GET('/v1/notifications', { params: { query: cursor ? { cursor } : {} } })),
  );
}
