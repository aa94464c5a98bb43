import { api } from '../api/client';
import { run } from '../api/problems';
import { useResource } from './useResource';

export function useNotifications() {
  return useResource(
    () => run(() => api.GET('/v1/notifications', { params: { query: { limit: 50 } } })),
    [],
  );
}
