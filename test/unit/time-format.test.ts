import { describe, expect, it } from 'vitest';
import { formatInZone, formatSlotInZone, isTimeZone } from '../../src/domain/time-format.js';

const moment = new Date('2026-12-01T15:00:00.000Z');

describe('formatInZone', () => {
  it.each([
    ['Europe/Berlin', 'Tue 1 Dec 2026, 16:00 (Europe/Berlin, GMT+1)'],
    ['America/New_York', 'Tue 1 Dec 2026, 10:00 (America/New_York, GMT-5)'],
    ['Asia/Tokyo', 'Wed 2 Dec 2026, 00:00 (Asia/Tokyo, GMT+9)'],
    ['UTC', 'Tue 1 Dec 2026, 15:00 (UTC, GMT)'],
  ])('shows the moment in %s with the zone named', (zone, expected) => {
    expect(formatInZone(moment, zone)).toBe(expected);
  });

  it('follows daylight saving time', () => {
    expect(formatInZone(new Date('2026-07-01T15:00:00.000Z'), 'Europe/Berlin')).toBe(
      'Wed 1 Jul 2026, 17:00 (Europe/Berlin, GMT+2)',
    );
  });

  it('formats a slot with its end time', () => {
    expect(formatSlotInZone(moment, new Date('2026-12-01T16:30:00.000Z'), 'Europe/Berlin')).toBe(
      'Tue 1 Dec 2026, 16:00–17:30 (Europe/Berlin, GMT+1)',
    );
  });
});

describe('isTimeZone', () => {
  it('knows IANA zones and refuses anything else', () => {
    expect(isTimeZone('Europe/Berlin')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });
});
