import { describe, expect, it } from 'vitest';
import { calendarFile } from '../../src/calendar/calendar-file.js';
import { sessionEntry, sessionSequence, sessionUid } from '../../src/calendar/entries.js';
import { feedToken, feedTokenHash, isFeedTokenShape } from '../../src/calendar/feed-token.js';
import { parseCalendar } from '../support/ical.js';

const people = {
  coach: { name: 'Dana Weber', email: 'dana@example.com' },
  client: { name: 'Casey, "CJ" Morgan', email: 'casey@example.com' },
};
// Across Berlin's change to winter time: UTC keeps the hour a calendar app must show.
const session = {
  id: '6f1c2d3e-0000-4000-8000-000000000001',
  startsAt: new Date('2026-10-25T00:00:00Z'),
  endsAt: new Date('2026-10-25T02:00:00Z'),
  cancelled: false,
  acceptedReschedules: 2,
  ...people,
};

describe('a session’s calendar file', () => {
  it('is one UTC event with the coach organizing and the client attending', () => {
    const text = calendarFile({
      method: 'request',
      name: 'Coaching session',
      entries: [sessionEntry(session, 'client', 'https://app.example.com')],
      stamp: new Date('2026-10-01T00:00:00Z'),
    });
    const { method, events } = parseCalendar(text);
    expect(method).toBe('REQUEST');
    expect(events).toEqual([
      {
        uid: sessionUid(session.id),
        sequence: 2,
        status: 'CONFIRMED',
        start: '2026-10-25T00:00:00.000Z',
        end: '2026-10-25T02:00:00.000Z',
        utc: true,
        organizer: 'mailto:dana@example.com',
        attendees: ['mailto:casey@example.com'],
        url: `https://app.example.com/sessions/${session.id}`,
        summary: 'Coaching session with Dana Weber',
      },
    ]);
  });

  it('is cancelled with the same UID and one more SEQUENCE', () => {
    const text = calendarFile({
      method: 'cancel',
      name: 'Coaching session',
      entries: [sessionEntry({ ...session, cancelled: true }, 'coach', 'https://app.example.com')],
      stamp: new Date('2026-10-01T00:00:00Z'),
    });
    const { method, events } = parseCalendar(text);
    expect(method).toBe('CANCEL');
    expect(events[0]).toMatchObject({
      uid: sessionUid(session.id),
      sequence: 3,
      status: 'CANCELLED',
    });
    expect(sessionSequence(0, false)).toBe(0);
    expect(sessionSequence(0, true)).toBe(1);
  });
});

describe('a calendar file’s text', () => {
  const feed = calendarFile({
    method: 'publish',
    name: 'Coaching: Dana Weber',
    entries: [
      {
        ...sessionEntry(session, 'coach', 'https://app.example.com'),
        description: `Zoë’s notes; long enough to fold: ${'ünïcödé ✓ 日本語 '.repeat(8)}`,
      },
    ],
    stamp: new Date('2026-10-01T00:00:00Z'),
    ttl: 900,
  });
  const lines = feed.split('\r\n');

  it('ends every line with CRLF and folds none longer than 75 octets (RFC 5545 3.1)', () => {
    expect(feed.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(feed.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    expect(Math.max(...lines.map((line) => Buffer.byteLength(line)))).toBeLessThanOrEqual(75);
    expect(lines.filter((line) => line.startsWith(' ')).length).toBeGreaterThan(1);
  });

  it('names the calendar and asks apps to refresh a feed every 15 minutes', () => {
    expect(lines).toEqual(
      expect.arrayContaining([
        'METHOD:PUBLISH',
        'NAME:Coaching: Dana Weber',
        'X-WR-CALNAME:Coaching: Dana Weber',
        'REFRESH-INTERVAL;VALUE=DURATION:PT15M',
        'X-PUBLISHED-TTL:PT15M',
      ]),
    );
  });

  it('quotes a name with a comma and escapes its quotes (RFC 6868)', () => {
    const unfolded = feed.replaceAll('\r\n ', '');
    expect(unfolded).toContain(
      `ATTENDEE;CN="Casey, ^'CJ^' Morgan";ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=FALSE:mailto:casey@example.com`,
    );
    expect(unfolded).toContain('DESCRIPTION:Zoë’s notes\\; long enough to fold:');
  });
});

describe('feed tokens', () => {
  it('are the same for the same salt, another for another salt or secret, and only hashes are kept', () => {
    const token = feedToken('secret-a', 'user-1', 'salt-1');
    expect(isFeedTokenShape(token)).toBe(true);
    expect(feedToken('secret-a', 'user-1', 'salt-1')).toBe(token);
    expect(feedToken('secret-a', 'user-1', 'salt-2')).not.toBe(token);
    expect(feedToken('secret-b', 'user-1', 'salt-1')).not.toBe(token);
    expect(feedToken('secret-a', 'user-2', 'salt-1')).not.toBe(token);
    expect(feedTokenHash(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(feedTokenHash(token)).not.toContain(token);
    expect(isFeedTokenShape(`${token}x`)).toBe(false);
    expect(isFeedTokenShape('../../etc/passwd')).toBe(false);
  });
});
