import ICAL from 'ical.js';

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

const PRODUCT_ID = '-//Coaching//coach-invites//EN';

// ical.js folds a line's text into chunks of this many octets and then puts the space before each
// continuation: 74 keeps every line within RFC 5545's 75.
ICAL.foldLength = 74;

const utc = (date: Date) => ICAL.Time.fromJSDate(date, true);

/** An address property (ORGANIZER, ATTENDEE) naming its person; parameters as given. */
function personProperty(name: string, person: CalendarPerson, parameters: Record<string, string>) {
  const property = new ICAL.Property(name);
  property.setParameter('cn', person.name);
  for (const [key, value] of Object.entries(parameters)) property.setParameter(key, value);
  property.setValue(`mailto:${person.email}`);
  return property;
}

function eventOf(entry: CalendarEntry, stamp: Date) {
  const event = new ICAL.Component('vevent');
  const values: [string, string | number | ICAL.Time][] = [
    ['uid', entry.uid],
    ['sequence', entry.sequence],
    ['dtstamp', utc(stamp)],
    ['dtstart', utc(entry.startsAt)],
    ['dtend', utc(entry.endsAt)],
    ['summary', entry.summary],
    ['description', entry.description],
    ['url', entry.url],
    ['status', entry.status.toUpperCase()],
    // A held slot is still time the coach cannot give away.
    ['transp', entry.status === 'cancelled' ? 'TRANSPARENT' : 'OPAQUE'],
  ];
  for (const [name, value] of values) event.addPropertyWithValue(name, value);
  event.addProperty(personProperty('organizer', entry.coach, {}));
  event.addProperty(
    personProperty('attendee', entry.client, {
      role: 'REQ-PARTICIPANT',
      // The client said yes by accepting; a held slot still waits for their answer.
      partstat: entry.status === 'tentative' ? 'NEEDS-ACTION' : 'ACCEPTED',
      rsvp: 'FALSE',
    }),
  );
  return event;
}

/**
 * An iCalendar (RFC 5545) file of `entries`, every time in UTC; `stamp` is its DTSTAMP. Written
 * with ical.js, which folds lines at 75 octets and escapes text and parameters (RFC 6868).
 */
export function calendarFile(input: {
  method: CalendarMethod;
  name: string;
  entries: CalendarEntry[];
  stamp: Date;
  /** For a feed: how often calendar apps should fetch it again, in seconds. */
  ttl?: number;
}): string {
  const calendar = new ICAL.Component('vcalendar');
  calendar.addPropertyWithValue('version', '2.0');
  calendar.addPropertyWithValue('prodid', PRODUCT_ID);
  calendar.addPropertyWithValue('method', input.method.toUpperCase());
  // NAME is RFC 7986's; X-WR-CALNAME is what Apple and Google calendars read.
  calendar.addPropertyWithValue('name', input.name);
  calendar.addPropertyWithValue('x-wr-calname', input.name);
  if (input.ttl) {
    const every = ICAL.Duration.fromSeconds(input.ttl);
    calendar.addPropertyWithValue('refresh-interval', every);
    calendar.addPropertyWithValue('x-published-ttl', every.toString());
  }
  for (const entry of input.entries) calendar.addSubcomponent(eventOf(entry, input.stamp));
  // Every content line ends with CRLF, the last one too.
  return `${calendar.toString()}\r\n`;
}
