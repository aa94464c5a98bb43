import { zonedToInstant } from './zoned-time.js';

/** What the coach types for a slot: a day and a start on their own clock, and a length. */
export interface SlotValues {
  date: string;
  time: string;
  minutes: number;
  message: string;
}

export type SlotReading =
  | { ok: true; startsAt: string; endsAt: string; repeated: boolean }
  | { ok: false; field: 'date' | 'time'; message: string };

/**
 * The slot the form's values name in `timeZone`. A start the clocks skip that day is refused with
 * a sentence; one the clocks pass twice is its first occurrence (`repeated` says so). The end is
 * the start plus the duration in real time, so a session across a change lasts what was chosen.
 */
export function readSlot(values: SlotValues, timeZone: string): SlotReading {
  if (!values.date) return { ok: false, field: 'date', message: 'Choose a date.' };
  if (!values.time) return { ok: false, field: 'time', message: 'Choose a start time.' };
  const start = zonedToInstant(values.date, values.time, timeZone);
  if (!start.ok && start.reason === 'invalid') {
    return { ok: false, field: 'date', message: 'Enter a real date and time.' };
  }
  if (!start.ok) {
    return {
      ok: false,
      field: 'time',
      message:
        `${values.time} does not exist on ${values.date} in ${timeZone}: the clocks skip ` +
        'forward that night. Choose another start time.',
    };
  }
  const end = new Date(start.instant.getTime() + values.minutes * 60_000);
  return {
    ok: true,
    startsAt: start.instant.toISOString(),
    endsAt: end.toISOString(),
    repeated: start.repeated,
  };
}

/** Tomorrow at 10:00 on the coach's clock: a form's starting values. */
export function defaultSlotValues(timeZone: string, now = new Date()): SlotValues {
  const tomorrow = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(now.getTime() + 86_400_000));
  return { date: tomorrow, time: '10:00', minutes: 60, message: '' };
}
