import { api } from '../api/client';
import { run } from '../api/problems';
import { usePagedList } from './usePagedList';
import { useResource } from './useResource';

export function useSession(id: string | null | undefined) {
  return useResource(
    () =>
      id
        ? run(() => api.GET('/v1/sessions/{id}', { params: { path: { id } } }))
        : Promise.resolve({ ok: true as const, data: null }),
    [id],
  );
}

export function useSessions() {
  return usePagedList((cursor) =>
    run(() => api.GET('/v1/sessions', { params: { query: cursor ? { cursor } : {} } })),
  );
}

export function useQuestionnaire(id: string) {
  return useResource(
    () => run(() => api.GET('/v1/sessions/{id}/questionnaire', { params: { path: { id } } })),
    [id],
  );
}
