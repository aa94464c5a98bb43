/** Is `zone` an IANA time zone this runtime knows? */
export function isTimeZone(zone: string): boolean {
  if (!zone) return false;
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Building a formatter costs far more than using one: one per zone, made once. */
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

function partsInZone(at: Date, timeZone: string): Record<string, string> {
  const parts = formatterFor(timeZone).formatToParts(at);
  const named = Object.fromEntries(parts.map((part) => [part.type, part.value]));
  named.timeZoneName = (named.timeZoneName ?? 'GMT').replace(/^(GMT|UTC)([+-]0)?$/, 'GMT');
  return named;
}

const clock = (p: Record<string, string>) => `${p.hour}:${p.minute}`;
const day = (p: Record<string, string>) => `${p.weekday} ${p.day} ${p.month} ${p.year}`;

/** A moment as the person in `timeZone` reads it, with the zone named: "Tue 1 Dec 2026, 16:00 (Europe/Berlin, GMT+1)". */
export function formatInZone(at: Date, timeZone: string): string {
  const p = partsInZone(at, timeZone);
  return `${day(p)}, ${clock(p)} (${timeZone}, ${p.timeZoneName})`;
}

/**
 * A slot in one person's zone: "Tue 1 Dec 2026, 16:00–17:00 (Europe/Berlin, GMT+1)". Across a
 * daylight-saving change each end shows its own offset, as the web app does:
 * "Sun 25 Oct 2026, 02:00 GMT+2 – 03:00 GMT+1 (Europe/Berlin)".
 */
export function formatSlotInZone(startsAt: Date, endsAt: Date, timeZone: string): string {
  const start = partsInZone(startsAt, timeZone);
  const end = partsInZone(endsAt, timeZone);
  const endDay = day(end) === day(start) ? '' : `${day(end)}, `;
  if (start.timeZoneName === end.timeZoneName)
    return `${day(start)}, ${clock(start)}–${endDay}${clock(end)} (${timeZone}, ${start.timeZoneName})`;
  return `${day(start)}, ${clock(start)} ${start.timeZoneName} – ${endDay}${clock(end)} ${end.timeZoneName} (${timeZone})`;
}
