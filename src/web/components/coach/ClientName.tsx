import { useClient } from '../../hooks/coach/useClient';

/** The client's name, once known; "your client" until then or if it cannot be read. */
export function ClientName({ id }: { id: string }) {
  const [client] = useClient(id);
  return <>{client.status === 'ready' && client.data ? client.data.name : 'your client'}</>;
}
