import { describe, expect, it } from 'vitest';
import { credits, formatMoment, formatRelative, formatSlot } from '../../src/web/lib/time.js';

describe('times in the web app, in the person’s own zone', () => {
  it('names the zone and shows a slot on one day compactly', () => {
    expect(formatSlot('2026-12-03T15:00:00Z', '2026-12-03T16:00:00Z', 'Europe/Berlin')).toBe(
      'Thu 3 Dec 2026, 16:00–17:00 (Europe/Berlin)',
    );
    expect(formatMoment('2026-12-03T15:00:00Z', 'America/New_York')).toBe(
      'Thu 3 Dec 2026, 10:00 (America/New_York)',
    );
  });

  it.each([
    // Berlin springs forward at 01:00 UTC on 28 March 2027.
    [
      '2027-03-28T00:30:00Z',
      '2027-03-28T01:30:00Z',
      'Europe/Berlin',
      'Sun 28 Mar 2027, 01:30 GMT+1 – 03:30 GMT+2 (Europe/Berlin)',
    ],
    // New York falls back at 06:00 UTC on 7 November 2027.
    [
      '2027-11-07T05:30:00Z',
      '2027-11-07T06:30:00Z',
      'America/New_York',
      'Sun 7 Nov 2027, 01:30 GMT-4 – 01:30 GMT-5 (America/New_York)',
    ],
  ])(
    'shows each end of a slot across a DST change with its own offset',
    (start, end, zone, text) => {
      expect(formatSlot(start, end, zone)).toBe(text);
    },
  );

  it('names the end’s day when the slot runs past midnight', () => {
    expect(formatSlot('2026-12-03T22:30:00Z', '2026-12-04T00:30:00Z', 'UTC')).toBe(
      'Thu 3 Dec 2026, 22:30–Fri 4 Dec 2026, 00:30 (UTC)',
    );
  });

  it('says how long ago or how soon, and counts credits', () => {
    const now = new Date('2026-12-01T12:00:00Z');
    expect(formatRelative('2026-12-01T11:55:00Z', now)).toBe('5 minutes ago');
    expect(formatRelative('2026-12-07T11:00:00Z', now)).toBe('in 6 days');
    expect(formatRelative('2026-12-01T11:59:50Z', now)).toBe('just now');
    expect([credits(1), credits(0), credits(3)]).toEqual(['1 credit', '0 credits', '3 credits']);
  });
});
