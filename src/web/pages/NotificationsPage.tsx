import { api } from '../api/client';
import type { Notification } from '../api/model';
import { run } from '../api/problems';
import { ErrorText } from '../components/ErrorText';
import { Loading } from '../components/Loading';
import { NotificationItem } from '../components/NotificationItem';
import { ShowMore } from '../components/ShowMore';
import { useMe } from '../hooks/me-context';
import { useNotifications } from '../hooks/useNotifications';
import { useTitle } from '../hooks/useTitle';

/** `/notifications`: newest first; opening one marks it read. */
export function NotificationsPage() {
  useTitle('Notifications');
  const { me, refresh } = useMe();
  const list = useNotifications();
  const page = list.first;

  const onOpen = async (notification: Notification) => {
    if (notification.readAt) return null;
    const marked = await run(() =>
      api.POST('/v1/notifications/{id}/read', { params: { path: { id: notification.id } } }),
    );
    if (!marked.ok) return marked.problem;
    void refresh().catch(() => {});
    return null;
  };

  return (
    <>
      <h1>Notifications</h1>
      {page.status === 'loading' && <Loading what="Loading your notifications" />}
      {page.status === 'failed' && <ErrorText problem={page.problem} />}
      {page.status === 'ready' &&
        (list.items.length ? (
          <ul className="rows">
            {list.items.map((notification) => (
              <NotificationItem
                key={notification.id}
                notification={notification}
                timeZone={me.timezone}
                onOpen={onOpen}
              />
            ))}
          </ul>
        ) : (
          <p className="empty">You are all caught up.</p>
        ))}
      <ShowMore list={list} />
    </>
  );
}
