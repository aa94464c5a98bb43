import { api } from '../api/client';
import type { Coach } from '../api/model';
import { run, type Outcome } from '../api/problems';
import { useResource } from './useResource';

/** Coaches change rarely: one request per coach for the life of the page. */
const coaches = new Map<string, Promise<Outcome<Coach>>>();

export function loadCoach(id: string): Promise<Outcome<Coach>> {
  let loading = coaches.get(id);
  if (!loading) {
    loading = run(() => api.GET('/v1/coaches/{id}', { params: { path: { id } } }));
    coaches.set(id, loading);
    void loading.then((outcome) => {
      if (!outcome.ok) coaches.delete(id);
    });
  }
  return loading;
}

export function useCoach(id: string | undefined) {
  return useResource(
    () =>
      id
        ? loadCoach(id)
        : Promise.resolve({
            ok: false as const,
            problem: { status: 0, code: 'unknown' as const, fields: [], byPath: {} },
          }),
    [id],
  );
}
