import { describe, expect, it } from 'vitest';
import { defaultSlotValues, readSlot } from '../../src/web/lib/slot-form.js';

const values = (date: string, time: string, minutes = 60) => ({ date, time, minutes, message: '' });

describe('the slot a coach types', () => {
  it('is read on the coach’s clock, its end the duration later in real time', () => {
    expect(readSlot(values('2026-12-03', '06:30', 45), 'Europe/Berlin')).toEqual({
      ok: true,
      startsAt: '2026-12-03T05:30:00.000Z',
      endsAt: '2026-12-03T06:15:00.000Z',
      repeated: false,
    });
    // Across the autumn change two hours from 01:30 end at 02:30 on the clock: 02:00–03:00 ran twice.
    expect(readSlot(values('2026-10-25', '01:30', 120), 'Europe/Berlin')).toMatchObject({
      startsAt: '2026-10-24T23:30:00.000Z',
      endsAt: '2026-10-25T01:30:00.000Z',
    });
  });

  it('names a skipped time and the zone, and says a repeated one is the first', () => {
    expect(readSlot(values('2026-03-08', '02:30'), 'America/New_York')).toEqual({
      ok: false,
      field: 'time',
      message:
        '02:30 does not exist on 2026-03-08 in America/New_York: the clocks skip forward that ' +
        'night. Choose another start time.',
    });
    expect(readSlot(values('2026-11-01', '01:30'), 'America/New_York')).toMatchObject({
      ok: true,
      startsAt: '2026-11-01T05:30:00.000Z',
      repeated: true,
    });
  });

  it('asks for what is missing', () => {
    expect(readSlot(values('', '10:00'), 'UTC')).toMatchObject({ ok: false, field: 'date' });
    expect(readSlot(values('2026-12-03', ''), 'UTC')).toMatchObject({ ok: false, field: 'time' });
    expect(readSlot(values('2026-02-30', '10:00'), 'UTC')).toMatchObject({
      ok: false,
      field: 'date',
    });
  });

  it('starts the form tomorrow at 10:00 on the coach’s calendar', () => {
    const late = new Date('2026-12-03T23:30:00Z');
    expect(defaultSlotValues('Asia/Tokyo', late).date).toBe('2026-12-05');
    expect(defaultSlotValues('America/Los_Angeles', late).date).toBe('2026-12-04');
    expect(defaultSlotValues('UTC', late)).toEqual(values('2026-12-04', '10:00'));
  });
});
