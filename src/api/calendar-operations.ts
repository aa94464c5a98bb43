import type { Operation } from './operations.js';

const common = ['validation_failed', 'unauthenticated'] as const;

const calendarFile = (description: string) => ({
  type: 'text/calendar',
  description: `${description} Every event's UID is \`session-<sessionId>@coach-invites\` for its whole life (the same as in emails); SEQUENCE counts the session's accepted reschedules, plus one once cancelled. Times are in UTC.`,
});

/** Calendar feeds and one session as an iCalendar file (RFC 5545). */
export const CALENDAR_OPERATIONS: Operation[] = [
  {
    method: 'get',
    path: '/v1/sessions/{id}/calendar.ics',
    summary: 'The session as one calendar event, to add to a calendar',
    roles: 'its coach or client',
    success: 200,
    produces: calendarFile(
      'An iCalendar file (METHOD:PUBLISH, `Content-Disposition: attachment; filename="session.ics"`) with the session as one VEVENT: STATUS:CONFIRMED, or CANCELLED once cancelled; organizer the coach, attendee the client, URL the session page.',
    ),
    errors: [...common, 'forbidden', 'not_found'],
  },
  {
    method: 'get',
    path: '/v1/calendar',
    summary: 'The caller’s private calendar feed address, made on first ask',
    roles: 'coach, client',
    notes:
      'The address is the secret: whoever holds it reads the feed without signing in. It stays the same until rotated.',
    success: 200,
    errors: [...common, 'forbidden'],
  },
  {
    method: 'post',
    path: '/v1/calendar/rotate',
    summary: 'A new feed address; the old one answers 404 from now on',
    roles: 'coach, client',
    success: 200,
    errors: [...common, 'forbidden', 'cross_site_request'],
  },
  {
    method: 'get',
    path: '/calendar/{token}.ics',
    summary: 'A person’s calendar feed, for calendar apps to subscribe to',
    roles: 'whoever holds the address (GET /v1/calendar)',
    notes:
      'Booked and completed sessions of the last 90 days and ahead; cancelled sessions as STATUS:CANCELLED until their end has passed; for a coach also the slots held by pending invites, as STATUS:TENTATIVE events with UID `invite-<inviteId>@coach-invites`. Unknown or rotated addresses: 404.',
    pathParams: {
      token: {
        type: 'string',
        pattern: '^[A-Za-z0-9_-]{43}$',
        description: 'The secret part of the feed address',
      },
    },
    success: 200,
    produces: calendarFile('An iCalendar file (METHOD:PUBLISH, REFRESH-INTERVAL 15 minutes).'),
    errors: ['not_found'],
    public: true,
  },
];
