import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/client';
import type { Me } from '../api/model';
import { run, type Problem } from '../api/problems';

type State =
  | { status: 'loading' }
  | { status: 'ready'; me: Me; unreadCount: number }
  | { status: 'failed'; problem: Problem };

async function loadUnread(): Promise<number> {
  const page = await run(() => api.GET('/v1/notifications', { params: { query: { limit: 1 } } }));
  return page.ok ? page.data.unreadCount : 0;
}

/** Who is signed in, and their unread notifications; a missing session goes to sign in. */
export function useSignedIn() {
  const [state, setState] = useState<State>({ status: 'loading' });

  const refresh = useCallback(async (): Promise<Me> => {
    const [me, unreadCount] = await Promise.all([run(() => api.GET('/v1/me')), loadUnread()]);
    if (!me.ok) {
      setState({ status: 'failed', problem: me.problem });
      throw new Error('not signed in');
    }
    setState({ status: 'ready', me: me.data, unreadCount });
    return me.data;
  }, []);

  useEffect(() => {
    refresh().catch(() => {});
  }, [refresh]);

  return { state, refresh };
}
