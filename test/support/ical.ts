import ICAL from 'ical.js';

/** The scheme of a calendar address is case-insensitive (RFC 3986). */
const address = (value: unknown) => String(value).replace(/^mailto:/i, 'mailto:');

export interface ParsedEvent {
  uid: string;
  sequence: number;
  status: string;
  /** ISO 8601 in UTC, as the file states it (a DTSTART without `Z` fails `utc`). */
  start: string;
  end: string;
  utc: boolean;
  organizer: string;
  attendees: string[];
  url: string;
  summary: string;
}

/** Reads an iCalendar file with a real parser (ical.js), as a calendar app would. */
export function parseCalendar(text: string): { method: string | null; events: ParsedEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const method = calendar.getFirstPropertyValue('method');
  const events = calendar.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      sequence: event.sequence,
      status: String(vevent.getFirstPropertyValue('status')),
      start: event.startDate.toJSDate().toISOString(),
      end: event.endDate.toJSDate().toISOString(),
      utc:
        event.startDate.zone === ICAL.Timezone.utcTimezone &&
        event.endDate.zone === ICAL.Timezone.utcTimezone,
      organizer: address(vevent.getFirstPropertyValue('organizer')),
      attendees: vevent.getAllProperties('attendee').map((p) => address(p.getFirstValue())),
      url: String(vevent.getFirstPropertyValue('url')),
      summary: event.summary,
    };
  });
  return { method: method === null ? null : String(method), events };
}
