import { api } from '../../api/client';
import type { Client } from '../../api/coach-model';
import { run, type Outcome } from '../../api/problems';
import { useResource } from '../useResource';

/** At most this many pages of 100: a choice list longer than that would need a search instead. */
const MAX_PAGES = 20;

/** Every one of the coach's clients, by name, for the form's "Client" list. */
async function loadAllClients(): Promise<Outcome<Client[]>> {
  const all: Client[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const outcome = await run(() =>
      api.GET('/v1/clients', { params: { query: { limit: 100, ...(cursor ? { cursor } : {}) } } }),
    );
    if (!outcome.ok) return outcome;
    all.push(...outcome.data.items);
    if (!outcome.data.nextCursor) break;
    cursor = outcome.data.nextCursor;
  }
  return { ok: true, data: all };
}

export function useClients() {
  return useResource(loadAllClients, []);
}
