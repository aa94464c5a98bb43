import { api } from '../../api/client';
import type { Client } from '../../api/coach-model';
import { run, type Outcome } from '../../api/problems';
import { useResource } from '../useResource';

/** A client's name changes rarely: one request per client for the life of the page. */
const clients = new Map<string, Promise<Outcome<Client>>>();

function loadClient(id: string): Promise<Outcome<Client>> {
  let loading = clients.get(id);
  if (!loading) {
    loading = run(() => api.GET('/v1/clients/{id}', { params: { path: { id } } }));
    clients.set(id, loading);
    void loading.then((outcome) => {
      if (!outcome.ok) clients.delete(id);
    });
  }
  return loading;
}

export function useClient(id: string | undefined) {
  return useResource(
    () =>
      id ? loadClient(id) : Promise.resolve({ ok: true as const, data: null as Client | null }),
    [id],
  );
}
