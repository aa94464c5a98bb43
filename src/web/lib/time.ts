/**
 * Times as the signed-in person reads them: in their own zone, with the zone named. A slot across
 * a daylight-saving change shows each end with its own offset.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'shortOffset',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

interface Parts {
  date: string;
  time: string;
  offset: string;
}

function partsOf(iso: string, timeZone: string): Parts {
  const parts = formatterFor(timeZone).formatToParts(new Date(iso));
  const p = Object.fromEntries(parts.map((part) => [part.type, part.value]));
  return {
    date: `${p.weekday} ${p.day} ${p.month} ${p.year}`,
    time: `${p.hour}:${p.minute}`,
    offset: (p.timeZoneName ?? 'GMT').replace(/^UTC/, 'GMT'),
  };
}

/** "Thu 3 Dec 2026, 16:00 (Europe/Berlin)" */
export function formatMoment(iso: string, timeZone: string): string {
  const p = partsOf(iso, timeZone);
  return `${p.date}, ${p.time} (${timeZone})`;
}

/**
 * "Thu 3 Dec 2026, 16:00–17:00 (Europe/Berlin)"; across a daylight-saving change
 * "Sun 25 Oct 2026, 02:30 GMT+2 – 03:00 GMT+1 (Europe/Berlin)".
 */
export function formatSlot(startsAt: string, endsAt: string, timeZone: string): string {
  const start = partsOf(startsAt, timeZone);
  const end = partsOf(endsAt, timeZone);
  const endDay = end.date === start.date ? '' : `${end.date}, `;
  if (start.offset === end.offset) {
    return `${start.date}, ${start.time}–${endDay}${end.time} (${timeZone})`;
  }
  return `${start.date}, ${start.time} ${start.offset} – ${endDay}${end.time} ${end.offset} (${timeZone})`;
}

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "5 minutes ago", "in 6 days", "now". */
export function formatRelative(iso: string, now: Date = new Date()): string {
  const delta = new Date(iso).getTime() - now.getTime();
  for (const [unit, ms] of UNITS) {
    if (Math.abs(delta) >= ms) return relative.format(Math.round(delta / ms), unit);
  }
  return delta < 0 ? 'just now' : 'in under a minute';
}

/** "1 credit", "3 credits". */
export function credits(count: number): string {
  return `${count} ${count === 1 ? 'credit' : 'credits'}`;
}
