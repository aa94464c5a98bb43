import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';

describe('TRUST_PROXY and BOOKING_URL', () => {
  it.each([
    [undefined, false],
    ['false', false],
    ['true', true],
    ['1', 1],
    ['loopback, 10.0.0.0/8', 'loopback, 10.0.0.0/8'],
  ])('reads TRUST_PROXY=%s as %j', (raw, expected) => {
    expect(loadConfig(raw === undefined ? {} : { TRUST_PROXY: raw }).trustProxy).toEqual(expected);
  });

  it('defaults BOOKING_URL to the booking page beside APP_URL, and refuses a bad one by name', () => {
    expect(loadConfig({ APP_URL: 'https://coach.example/' }).bookingUrl).toBe(
      'https://coach.example/book?coachId={coachId}',
    );
    expect(loadConfig({ BOOKING_URL: 'https://book.example/c/{coachId}' }).bookingUrl).toBe(
      'https://book.example/c/{coachId}',
    );
    expect(() => loadConfig({ BOOKING_URL: 'ftp://book.example' })).toThrow(/BOOKING_URL/);
  });
});
