import { Outlet } from 'react-router';
import { MeContext } from '../hooks/me-context';
import { useFocusOnNavigate } from '../hooks/useFocusOnNavigate';
import { useSignedIn } from '../hooks/useSignedIn';
import { ErrorText } from './ErrorText';
import { Header } from './Header';
import { Loading } from './Loading';

/** Every signed-in page: the header above, the page below. Without a session: sign in first. */
export function Layout() {
  const { state, refresh } = useSignedIn();
  useFocusOnNavigate();
  if (state.status !== 'ready') {
    return (
      <main id="main" className="page">
        {state.status === 'loading' || state.problem.status === 401 ? (
          <Loading />
        ) : (
          <ErrorText problem={state.problem} />
        )}
      </main>
    );
  }
  return (
    <MeContext.Provider value={{ me: state.me, unreadCount: state.unreadCount, refresh }}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Header />
      <main id="main" className="page" tabIndex={-1}>
        <Outlet />
      </main>
    </MeContext.Provider>
  );
}
