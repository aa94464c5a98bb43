/**
 * A wall-clock date and time in an IANA zone, read as an instant, with nothing but Intl. Around a
 * daylight-saving change a wall time may not exist (the clocks jump over it) or exist twice (the
 * clocks go back over it); the second case takes the first occurrence (the earlier instant, still
 * on summer time), and says so, so a form can tell the person.
 */
export type ZonedResult =
  { ok: true; instant: Date; repeated: boolean } | { ok: false; reason: 'invalid' | 'skipped' };

const DAY_MS = 86_400_000;
const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = offsetFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    });
    offsetFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall clock of `instant` in the zone, as milliseconds of a UTC date with the same fields. */
function wallClockMs(instant: number, timeZone: string): number {
  const parts = formatterFor(timeZone).formatToParts(new Date(instant));
  const field = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((part) => part.type === type)?.value);
  return Date.UTC(
    field('year'),
    field('month') - 1,
    field('day'),
    field('hour'),
    field('minute'),
    field('second'),
  );
}

/** The zone's offset from UTC at `instant`, in milliseconds (Berlin in summer: +7,200,000). */
export function offsetAt(instant: number, timeZone: string): number {
  const whole = Math.floor(instant / 1000) * 1000;
  return wallClockMs(whole, timeZone) - whole;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})$/;

/** `date` (YYYY-MM-DD) at `time` (HH:MM) on the wall clocks of `timeZone`. */
export function zonedToInstant(date: string, time: string, timeZone: string): ZonedResult {
  const d = DATE.exec(date);
  const t = TIME.exec(time);
  if (!d || !t) return { ok: false, reason: 'invalid' };
  const [year, month, day, hour, minute] = [d[1], d[2], d[3], t[1], t[2]].map(Number) as number[];
  const wall = Date.UTC(year!, month! - 1, day!, hour!, minute!);
  const check = new Date(wall);
  if (
    check.getUTCDate() !== day ||
    check.getUTCMonth() !== month! - 1 ||
    hour! > 23 ||
    minute! > 59
  )
    return { ok: false, reason: 'invalid' };
  // Offsets in force a day either side; real zones change at most once in that span.
  const offsets = new Set([offsetAt(wall - DAY_MS, timeZone), offsetAt(wall + DAY_MS, timeZone)]);
  const instants = [...offsets]
    .map((offset) => wall - offset)
    .filter((instant) => wallClockMs(instant, timeZone) === wall)
    .sort((a, b) => a - b);
  const first = instants[0];
  if (first === undefined) return { ok: false, reason: 'skipped' };
  return { ok: true, instant: new Date(first), repeated: instants.length > 1 };
}

/** The date (YYYY-MM-DD) and time (HH:MM) an instant shows on the wall clocks of `timeZone`. */
export function instantToZoned(iso: string, timeZone: string): { date: string; time: string } {
  const wall = new Date(wallClockMs(new Date(iso).getTime(), timeZone)).toISOString();
  return { date: wall.slice(0, 10), time: wall.slice(11, 16) };
}
