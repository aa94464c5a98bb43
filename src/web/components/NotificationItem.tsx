import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { Notification } from '../api/model';
import type { Problem } from '../api/problems';
import { ErrorText } from './ErrorText';
import { formatMoment, formatRelative } from '../lib/time';

/** An app path for a link the service wrote with its own address; other addresses stay whole. */
function pathOf(link: string): string {
  const url = new URL(link, location.origin);
  return url.origin === location.origin ? url.pathname + url.search : url.href;
}

/** One notification: its title, its age, and a link to what it is about ("View" for invites). */
export function NotificationItem({
  notification,
  timeZone,
  onOpen,
}: {
  notification: Notification;
  timeZone: string;
  /** Marks it read; answers what went wrong, if anything. */
  onOpen: (notification: Notification) => Promise<Problem | null>;
}) {
  const navigate = useNavigate();
  const [problem, setProblem] = useState<Problem | null>(null);
  const unread = !notification.readAt;
  const target = notification.link ? pathOf(notification.link) : null;
  const isInvite = target?.startsWith('/invites/') ?? false;

  const open = async (event: React.MouseEvent) => {
    if (!target) return;
    event.preventDefault();
    const failed = await onOpen(notification);
    setProblem(failed);
    if (failed) return;
    if (target.startsWith('/')) await navigate(target);
    else location.assign(target);
  };

  return (
    <li className={unread ? 'row row--unread' : 'row'}>
      <div>
        <p className="row__title">
          {unread && <span className="dot" aria-label="Unread" role="img" />}
          {notification.title}
        </p>
        {notification.body && <p className="row__body">{notification.body}</p>}
        <p className="row__meta">
          <time
            dateTime={notification.createdAt}
            title={formatMoment(notification.createdAt, timeZone)}
          >
            {formatRelative(notification.createdAt)}
          </time>
        </p>
        <ErrorText problem={problem} />
      </div>
      {target && (
        <a className="button button--secondary" href={target} onClick={(event) => void open(event)}>
          {isInvite ? 'View' : 'Open'}
        </a>
      )}
    </li>
  );
}
