import ical, {
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEventStatus,
  ICalEventTransparency,
} from 'ical-generator';

/** Someone named in an event: the coach organizes, the client attends. */
export interface CalendarPerson {
  name: string;
  email: string;
}

/**
 * One event as the calendar shows it: a booked session (`confirmed`, later perhaps `cancelled`)
 * or, in a coach's feed, a slot held by a pending invite (`tentative`).
 */
export interface CalendarEntry {
  uid: string;
  sequence: number;
  status: 'confirmed' | 'tentative' | 'cancelled';
  startsAt: Date;
  endsAt: Date;
  summary: string;
  description: string;
  url: string;
  coach: CalendarPerson;
  client: CalendarPerson;
}

/**
 * How the file is meant: an invitation (`request`) or its withdrawal (`cancel`) in email, as iTIP
 * (RFC 5546) defines them; `publish` for a feed or a download, which only shows events.
 */
export type CalendarMethod = 'request' | 'cancel' | 'publish';

const METHODS = {
  request: ICalCalendarMethod.REQUEST,
  cancel: ICalCalendarMethod.CANCEL,
  publish: ICalCalendarMethod.PUBLISH,
} as const;

const STATUSES = {
  confirmed: ICalEventStatus.CONFIRMED,
  tentative: ICalEventStatus.TENTATIVE,
  cancelled: ICalEventStatus.CANCELLED,
} as const;

export const PRODUCT_ID = { company: 'Coaching', product: 'coach-invites', language: 'EN' };

/** An iCalendar (RFC 5545) file of `entries`, every time in UTC; `stamp` is its DTSTAMP. */
export function calendarFile(input: {
  method: CalendarMethod;
  name: string;
  entries: CalendarEntry[];
  stamp: Date;
  /** For a feed: how often calendar apps should fetch it again, in seconds. */
  ttl?: number;
}): string {
  const calendar = ical({
    name: input.name,
    prodId: PRODUCT_ID,
    method: METHODS[input.method],
    ...(input.ttl ? { ttl: input.ttl } : {}),
  });
  for (const entry of input.entries) {
    calendar.createEvent({
      id: entry.uid,
      sequence: entry.sequence,
      stamp: input.stamp,
      start: entry.startsAt,
      end: entry.endsAt,
      summary: entry.summary,
      description: entry.description,
      url: entry.url,
      status: STATUSES[entry.status],
      // A held slot is still time the coach cannot give away.
      transparency:
        entry.status === 'cancelled'
          ? ICalEventTransparency.TRANSPARENT
          : ICalEventTransparency.OPAQUE,
      organizer: entry.coach,
      attendees: [
        {
          ...entry.client,
          role: ICalAttendeeRole.REQ,
          // The client said yes by accepting; a held slot still waits for their answer.
          status:
            entry.status === 'tentative'
              ? ICalAttendeeStatus.NEEDSACTION
              : ICalAttendeeStatus.ACCEPTED,
          rsvp: false,
        },
      ],
    });
  }
  return calendar.toString();
}
