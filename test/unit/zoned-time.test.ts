import { describe, expect, it } from 'vitest';
import { instantToZoned, offsetAt, zonedToInstant } from '../../src/web/lib/zoned-time.js';

const at = (date: string, time: string, zone: string) => {
  const result = zonedToInstant(date, time, zone);
  if (!result.ok) throw new Error(`${date} ${time} ${zone}: ${result.reason}`);
  return { iso: result.instant.toISOString(), repeated: result.repeated };
};

describe('a wall-clock time in a zone, as an instant', () => {
  it.each([
    ['Europe/Berlin', '2026-12-03', '16:00', '2026-12-03T15:00:00.000Z'],
    ['Europe/Berlin', '2026-07-01', '16:00', '2026-07-01T14:00:00.000Z'],
    ['America/New_York', '2026-12-03', '07:30', '2026-12-03T12:30:00.000Z'],
    ['Asia/Tokyo', '2026-12-04', '00:15', '2026-12-03T15:15:00.000Z'],
    ['Asia/Kolkata', '2026-12-03', '09:00', '2026-12-03T03:30:00.000Z'],
    ['Australia/Sydney', '2026-12-03', '06:00', '2026-12-02T19:00:00.000Z'],
    ['UTC', '2026-12-31', '23:59', '2026-12-31T23:59:00.000Z'],
  ])('%s %s %s', (zone, date, time, iso) => {
    expect(at(date, time, zone)).toEqual({ iso, repeated: false });
  });

  describe('spring forward: a time the clocks skip does not exist', () => {
    it.each([
      ['Europe/Berlin', '2026-03-29', '02:30'],
      ['America/New_York', '2026-03-08', '02:00'],
      ['America/New_York', '2026-03-08', '02:59'],
      ['Australia/Sydney', '2026-10-04', '02:30'],
    ])('%s %s %s', (zone, date, time) => {
      expect(zonedToInstant(date, time, zone)).toEqual({ ok: false, reason: 'skipped' });
    });

    it('the minutes either side of the gap exist', () => {
      expect(at('2026-03-29', '01:59', 'Europe/Berlin').iso).toBe('2026-03-29T00:59:00.000Z');
      expect(at('2026-03-29', '03:00', 'Europe/Berlin').iso).toBe('2026-03-29T01:00:00.000Z');
      expect(at('2026-03-08', '03:00', 'America/New_York').iso).toBe('2026-03-08T07:00:00.000Z');
    });
  });

  describe('fall back: a time the clocks pass twice is read as its first occurrence', () => {
    it.each([
      ['Europe/Berlin', '2026-10-25', '02:30', '2026-10-25T00:30:00.000Z'],
      ['America/New_York', '2026-11-01', '01:30', '2026-11-01T05:30:00.000Z'],
      ['Australia/Sydney', '2026-04-05', '02:30', '2026-04-04T15:30:00.000Z'],
    ])('%s %s %s', (zone, date, time, iso) => {
      expect(at(date, time, zone)).toEqual({ iso, repeated: true });
    });

    it('the minutes either side of the repeated hour are single', () => {
      expect(at('2026-10-25', '01:59', 'Europe/Berlin')).toEqual({
        iso: '2026-10-24T23:59:00.000Z',
        repeated: false,
      });
      expect(at('2026-10-25', '03:00', 'Europe/Berlin')).toEqual({
        iso: '2026-10-25T02:00:00.000Z',
        repeated: false,
      });
    });
  });

  it('refuses dates and times that are not on any calendar', () => {
    for (const [date, time] of [
      ['2026-02-30', '10:00'],
      ['2026-13-01', '10:00'],
      ['2026-12-03', '24:00'],
      ['2026-12-03', '10:60'],
      ['3 Dec', '10:00'],
      ['2026-12-03', '9am'],
    ] as const)
      expect(zonedToInstant(date, time, 'Europe/Berlin')).toEqual({ ok: false, reason: 'invalid' });
  });
});

describe('an instant on a zone’s wall clocks', () => {
  it('gives back the date and time a person typed, in several zones', () => {
    for (const zone of ['Europe/Berlin', 'America/New_York', 'Asia/Tokyo', 'Australia/Sydney']) {
      for (const [date, time] of [
        ['2026-12-03', '16:00'],
        ['2026-07-01', '00:00'],
        ['2026-03-29', '23:45'],
      ] as const)
        expect(instantToZoned(at(date, time, zone).iso, zone)).toEqual({ date, time });
    }
  });

  it('knows the offset on each side of a change', () => {
    expect(offsetAt(Date.parse('2026-10-25T00:59:00Z'), 'Europe/Berlin')).toBe(7_200_000);
    expect(offsetAt(Date.parse('2026-10-25T01:00:00Z'), 'Europe/Berlin')).toBe(3_600_000);
    expect(offsetAt(Date.parse('2026-03-08T07:00:00Z'), 'America/New_York')).toBe(-14_400_000);
  });
});
