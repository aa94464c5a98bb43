import type { Party } from './model.js';

/**
 * The standard cancellation policy: a coach's cancel always refunds in full; a client's refunds
 * in full only when made at least `windowMs` before the start.
 */
export function refundOnCancel(input: {
  by: Party;
  now: Date;
  startsAt: Date;
  windowMs: number;
  creditCost: number;
}): number {
  if (input.by === 'coach') return input.creditCost;
  const early = input.startsAt.getTime() - input.now.getTime() >= input.windowMs;
  return early ? input.creditCost : 0;
}

/**
 * A session is active while booked and not yet started: only then can it be cancelled,
 * rescheduled, answered or reminded of.
 */
export function isSessionActive(session: { status: string; startsAt: Date }, now: Date): boolean {
  return session.status === 'booked' && session.startsAt.getTime() > now.getTime();
}

/** Reminder moments before the start that are still ahead of `now`, earliest first. */
export function questionnaireReminderTimes(input: {
  startsAt: Date;
  offsetsMs: number[];
  now: Date;
}): Date[] {
  return [...new Set(input.offsetsMs)]
    .map((offset) => input.startsAt.getTime() - offset)
    .filter((at) => at > input.now.getTime())
    .sort((a, b) => a - b)
    .map((at) => new Date(at));
}
