import { Outlet } from 'react-router';
import { useMe } from '../hooks/me-context';
import { HomePage } from '../pages/HomePage';

/** The client's pages; a coach following a link here sees the coach's placeholder home instead. */
export function ClientOnly() {
  const { me } = useMe();
  return me.role === 'client' ? <Outlet /> : <HomePage />;
}
