import { api } from '../api/client';
import { run } from '../api/problems';
import { useResource } from './useResource';

export function useInvite(id: string) {
  return useResource(
    () => run(() => api.GET('/v1/invites/{id}', { params: { path: { id } } })),
    [id],
  );
}

export function useInvites() {
  return useResource(
    () => run(() => api.GET('/v1/invites', { params: { query: { limit: 100 } } })),
    [],
  );
}
