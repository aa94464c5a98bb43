import { Outlet } from 'react-router';
import { useMe } from '../hooks/me-context';
import { CoachHomePage } from '../pages/coach/CoachHomePage';

/** The client's pages; a coach following a link here sees the coach's home instead. */
export function ClientOnly() {
  const { me } = useMe();
  return me.role === 'client' ? <Outlet /> : <CoachHomePage />;
}
