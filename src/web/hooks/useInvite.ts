import { api } from '../api/client';
import { run } from '../api/problems';
import { usePagedList } from './usePagedList';
import { useResource } from './useResource';

export function useInvite(id: string) {
  return useResource(
    () => run(() => api.GET('/v1/invites/{id}', { params: { path: { id } } })),
    [id],
  );
}

export function useInvites() {
  return usePagedList((cursor) =>
    run(() => api.GET('/v1/invites', { params: { query: cursor ? { cursor } : {} } })),
  );
}
