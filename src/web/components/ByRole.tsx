import type { ReactNode } from 'react';
import { useMe } from '../hooks/me-context';

/** One address, two pages: what a coach sees there and what a client sees there. */
export function ByRole({ coach, client }: { coach: ReactNode; client: ReactNode }) {
  const { me } = useMe();
  return <>{me.role === 'coach' ? coach : client}</>;
}
