import { Link, NavLink, useNavigate } from 'react-router';
import { api } from '../api/client';
import { run } from '../api/problems';
import { useAction } from '../hooks/useAction';
import { useMe } from '../hooks/me-context';
import { ErrorText } from './ErrorText';

const signOut = () => run(() => api.POST('/v1/auth/signout'));

/** The person's name, their notifications with the unread count, and signing out. */
export function Header() {
  const { me, unreadCount } = useMe();
  const navigate = useNavigate();
  const leaving = useAction(signOut);

  const onSignOut = async () => {
    const outcome = await leaving.start();
    if (outcome?.ok) location.assign('/signin?signedOut=1');
  };

  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link to="/" className="brand">
          Coaching
        </Link>
        {me.role === 'client' ? (
          <nav aria-label="Main" className="site-nav">
            <NavLink to="/invites">Invites</NavLink>
            <NavLink to="/sessions">Sessions</NavLink>
          </nav>
        ) : (
          <nav aria-label="Main" className="site-nav">
            <NavLink to="/invites" end>
              Sent invites
            </NavLink>
          </nav>
        )}
        <span className="person-name">{me.name}</span>
        <div className="site-header__actions">
          <button
            type="button"
            className="button button--quiet notifications-button"
            onClick={() => void navigate('/notifications')}
          >
            Notifications
            <span className={unreadCount ? 'badge' : 'badge badge--none'}>
              {unreadCount}
              <span className="visually-hidden"> unread</span>
            </span>
          </button>
          <button
            type="button"
            className="button button--quiet sign-out"
            disabled={leaving.pending}
            onClick={() => void onSignOut()}
          >
            Sign out
          </button>
        </div>
      </div>
      <ErrorText problem={leaving.problem} />
    </header>
  );
}
