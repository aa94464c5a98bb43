import { calendarFile, type CalendarMethod } from '../calendar/calendar-file.js';
import { sessionEntry, type SessionFacts } from '../calendar/entries.js';
import type { EmailAttachment } from './attachment.js';

/**
 * The session as a calendar event for an email: `request` invites (or moves) it, `cancel` takes
 * it out of the recipient's calendar. Mail apps show their own buttons for a `text/calendar`
 * part whose `method` matches the file's METHOD.
 */
export function sessionEventAttachment(input: {
  session: SessionFacts;
  recipient: 'coach' | 'client';
  method: Exclude<CalendarMethod, 'publish'>;
  appUrl: string;
  stamp: Date;
}): EmailAttachment {
  const method = input.method.toUpperCase();
  return {
    filename: input.method === 'cancel' ? 'cancelled-session.ics' : 'session.ics',
    contentType: `text/calendar; charset=utf-8; method=${method}`,
    content: calendarFile({
      method: input.method,
      name: 'Coaching session',
      entries: [sessionEntry(input.session, input.recipient, input.appUrl)],
      stamp: input.stamp,
    }),
  };
}
