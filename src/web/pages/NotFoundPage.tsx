import { Link } from 'react-router';
import { useTitle } from '../hooks/useTitle';

export function NotFoundPage() {
  useTitle('Page not found');
  return (
    <>
      <h1>Page not found</h1>
      <p>
        There is nothing at this address. <Link to="/">Go to the start page</Link>.
      </p>
    </>
  );
}
