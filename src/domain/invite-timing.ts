/**
 * An invite waits until the earliest of: its time to live running out, the slot's start,
 * and (for a reschedule) the session's current start.
 */
export function inviteExpiresAt(input: {
  sentAt: Date;
  ttlMs: number;
  startsAt: Date;
  sessionStartsAt?: Date | null;
}): Date {
  const candidates = [input.sentAt.getTime() + input.ttlMs, input.startsAt.getTime()];
  if (input.sessionStartsAt) candidates.push(input.sessionStartsAt.getTime());
  return new Date(Math.min(...candidates));
}

/** The one reminder comes `reminderBeforeMs` before expiry, unless that moment is not after sending. */
export function inviteReminderAt(input: {
  sentAt: Date;
  expiresAt: Date;
  reminderBeforeMs: number;
}): Date | null {
  const at = input.expiresAt.getTime() - input.reminderBeforeMs;
  return at > input.sentAt.getTime() ? new Date(at) : null;
}
