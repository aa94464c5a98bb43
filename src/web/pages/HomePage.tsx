import { Navigate } from 'react-router';
import { useTitle } from '../hooks/useTitle';

/** `/` for a client: they start at their invites (a coach's `/` is CoachHomePage). */
export function HomePage() {
  useTitle('Home');
  return <Navigate to="/invites" replace />;
}
