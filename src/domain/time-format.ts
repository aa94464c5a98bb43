/** Is `zone` an IANA time zone this runtime knows? */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** A moment as the person in `timeZone` reads it, with the zone named: "Tue 1 Dec 2026, 16:00 (Europe/Berlin, GMT+1)". */
export function formatInZone(at: Date, timeZone: string): string {
  const local = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
  const offset =
    new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'shortOffset' })
      .formatToParts(at)
      .find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  return `${local} (${timeZone}, ${offset})`;
}

/** A slot in one person's zone: "Tue 1 Dec 2026, 16:00–17:00 (Europe/Berlin, GMT+1)". */
export function formatSlotInZone(startsAt: Date, endsAt: Date, timeZone: string): string {
  const start = formatInZone(startsAt, timeZone);
  const end = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(endsAt);
  return start.replace(/ \(/, `–${end} (`);
}
