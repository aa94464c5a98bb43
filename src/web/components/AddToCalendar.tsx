/**
 * "Add to calendar": downloads the session as an iCalendar file. A plain link, so the browser
 * sends the session cookie and saves the file (the service answers it as an attachment); every
 * calendar app opens it, and its UID is the one the session's emails carry, so it is one event.
 */
export function AddToCalendar({ sessionId }: { sessionId: string }) {
  return (
    <a
      className="button button--secondary"
      href={`/v1/sessions/${encodeURIComponent(sessionId)}/calendar.ics`}
      download="session.ics"
    >
      Add to calendar
    </a>
  );
}
