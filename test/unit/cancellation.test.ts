import { describe, expect, it } from 'vitest';
import {
  isSessionActive,
  questionnaireReminderTimes,
  refundOnCancel,
} from '../../src/domain/cancellation.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const WINDOW = 24 * HOUR;

describe('refundOnCancel at the window’s edge', () => {
  // The same session start written in several zones: the policy depends on the instant only.
  const starts = [
    '2026-12-10T15:00:00.000Z',
    '2026-12-10T16:00:00+01:00',
    '2026-12-10T10:00:00-05:00',
    '2026-12-11T00:00:00+09:00',
  ];

  it.each(starts)('refunds a client in full one minute before the window (start %s)', (start) => {
    const startsAt = new Date(start);
    const now = new Date(startsAt.getTime() - WINDOW - MINUTE);
    expect(refundOnCancel({ by: 'client', now, startsAt, windowMs: WINDOW, creditCost: 2 })).toBe(
      2,
    );
  });

  it.each(starts)('refunds a client exactly at the window (start %s)', (start) => {
    const startsAt = new Date(start);
    expect(
      refundOnCancel({
        by: 'client',
        now: new Date(startsAt.getTime() - WINDOW),
        startsAt,
        windowMs: WINDOW,
        creditCost: 2,
      }),
    ).toBe(2);
  });

  it.each(starts)('refunds a client nothing one minute inside the window (start %s)', (start) => {
    const startsAt = new Date(start);
    const now = new Date(startsAt.getTime() - WINDOW + MINUTE);
    expect(refundOnCancel({ by: 'client', now, startsAt, windowMs: WINDOW, creditCost: 2 })).toBe(
      0,
    );
  });

  it('spans a daylight-saving change by elapsed time, not wall-clock hours', () => {
    // Europe/Berlin moves from +01:00 to +02:00 on 2026-03-29: 24h before 10:00+02:00 is 09:00+01:00.
    const startsAt = new Date('2026-03-29T10:00:00+02:00');
    expect(
      refundOnCancel({
        by: 'client',
        now: new Date('2026-03-28T09:01:00+01:00'),
        startsAt,
        windowMs: WINDOW,
        creditCost: 1,
      }),
    ).toBe(0);
    expect(
      refundOnCancel({
        by: 'client',
        now: new Date('2026-03-28T08:59:00+01:00'),
        startsAt,
        windowMs: WINDOW,
        creditCost: 1,
      }),
    ).toBe(1);
  });

  it('always refunds a coach’s cancellation in full', () => {
    const startsAt = new Date('2026-12-10T15:00:00.000Z');
    expect(
      refundOnCancel({
        by: 'coach',
        now: new Date(startsAt.getTime() - MINUTE),
        startsAt,
        windowMs: WINDOW,
        creditCost: 3,
      }),
    ).toBe(3);
  });
});

describe('isSessionActive', () => {
  const startsAt = new Date('2026-12-10T15:00:00.000Z');
  it('is active while booked and not started', () => {
    expect(isSessionActive({ status: 'booked', startsAt }, new Date(startsAt.getTime() - 1))).toBe(
      true,
    );
  });
  it('is not active once started, cancelled or completed', () => {
    expect(isSessionActive({ status: 'booked', startsAt }, startsAt)).toBe(false);
    expect(isSessionActive({ status: 'cancelled', startsAt }, new Date(0))).toBe(false);
    expect(isSessionActive({ status: 'completed', startsAt }, new Date(0))).toBe(false);
  });
});

describe('questionnaireReminderTimes', () => {
  const startsAt = new Date('2026-12-10T15:00:00.000Z');
  it('lists each offset before the start, earliest first', () => {
    const now = new Date(startsAt.getTime() - 5 * 24 * HOUR);
    expect(
      questionnaireReminderTimes({ startsAt, offsetsMs: [24 * HOUR, 72 * HOUR], now }),
    ).toEqual([new Date('2026-12-07T15:00:00.000Z'), new Date('2026-12-09T15:00:00.000Z')]);
  });
  it('skips moments already past', () => {
    const now = new Date(startsAt.getTime() - 48 * HOUR);
    expect(
      questionnaireReminderTimes({ startsAt, offsetsMs: [72 * HOUR, 24 * HOUR], now }),
    ).toEqual([new Date('2026-12-09T15:00:00.000Z')]);
    expect(
      questionnaireReminderTimes({
        startsAt,
        offsetsMs: [72 * HOUR, 24 * HOUR],
        now: new Date(startsAt.getTime() - HOUR),
      }),
    ).toEqual([]);
  });
});
