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

describe('formatSlotInZone across a daylight-saving change', () => {
  it('shows each end with its own offset', () => {
    const [start, end] = [new Date('2026-10-25T00:00:00Z'), new Date('2026-10-25T02:00:00Z')];
    expect(formatSlotInZone(start, end, 'Europe/Berlin')).toBe(
      'Sun 25 Oct 2026, 02:00 GMT+2 – 03:00 GMT+1 (Europe/Berlin)',
    );
    expect(formatSlotInZone(start, end, 'America/New_York')).toBe(
      'Sat 24 Oct 2026, 20:00–22:00 (America/New_York, GMT-4)',
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
