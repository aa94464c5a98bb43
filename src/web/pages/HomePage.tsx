import { Navigate } from 'react-router';
import { useMe } from '../hooks/me-context';
import { useTitle } from '../hooks/useTitle';

/** A client starts at their invites; the coach's pages come later. */
export function HomePage() {
  const { me } = useMe();
  useTitle('Home');
  if (me.role === 'client') return <Navigate to="/invites" replace />;
  return (
    <>
      <h1>Welcome, {me.name}</h1>
      <p>
        The coach’s pages in this app are on their way. Until then, send and manage invites and
        sessions with the platform’s coaching tools; your notifications are here already.
      </p>
    </>
  );
}
