import { iso, seconds, type Facts } from './facts.js';
import type { Violations } from './invariants.js';

/** How many timing promises the run could hold the service to, and how many faults excused. */
export const newTimingTally = () => ({
  remindersDue: 0,
  remindersExcusedByFaults: 0,
  expiries: 0,
  /** Expiries due while a fault allowed them to be late. */
  expiriesNearFaults: 0,
});
export type TimingTally = ReturnType<typeof newTimingTally>;

/**
 * The reminder while pending and the expiry on time, whatever Resend did; late only as far as
 * infrastructure faults excuse; and no invite left pending past its expiry or without a workflow.
 */
export function checkTiming(f: Facts, v: Violations, tally = newTimingTally()): void {
  const { graceMs, timings } = f.ctx;
  for (const invite of f.snapshot.invites) {
    if (f.rejected(invite.id)) continue;
    const expiresAt = invite.expiresAt.getTime();
    const ended = f.endedAt(invite);
    const reminderAt = expiresAt - timings.inviteReminderBeforeMs;
    const pendingAtReminder =
      (ended ?? Infinity) > reminderAt + graceMs &&
      (f.answeredAt.get(invite.id) ?? Infinity) > reminderAt + graceMs;
    if (
      reminderAt > invite.createdAt.getTime() &&
      reminderAt < f.judgedBefore &&
      pendingAtReminder
    ) {
      const remindedAt = f.recordedAt(`invite_reminder:${invite.id}:${invite.clientId}`);
      // Faults may delay a reminder past the expiry; otherwise it goes out while pending.
      const mustGoOut = f.dueBy(reminderAt) < Math.min(ended ?? expiresAt, expiresAt);
      tally.remindersDue++;
      if (!mustGoOut) tally.remindersExcusedByFaults++;
      if (remindedAt === null && mustGoOut)
        v.lostReminders.push(`invite ${invite.id}: pending at ${iso(reminderAt)}, never reminded`);
      else if (remindedAt !== null && remindedAt > f.dueBy(reminderAt))
        v.lostReminders.push(
          `invite ${invite.id}: reminded ${seconds(remindedAt - reminderAt)} late`,
        );
    }

    if (invite.status === 'expired') {
      tally.expiries++;
      if (f.deferredByFaults(expiresAt) > expiresAt) tally.expiriesNearFaults++;
    }
    if (ended !== null && ended > f.dueBy(expiresAt))
      v.lateExpiries.push(
        `invite ${invite.id}: still pending ${seconds(ended - expiresAt)} past its expiry, then ${invite.status}`,
      );

    if (invite.status !== 'pending') continue;
    const workflow = f.workflowOf(invite.id)?.status ?? 'missing';
    if (expiresAt < f.snapshot.takenAt - graceMs)
      v.pendingLeftBehind.push(
        `invite ${invite.id}: pending ${seconds(f.snapshot.takenAt - expiresAt)} past its expiry`,
      );
    else if (workflow !== 'RUNNING')
      v.pendingLeftBehind.push(`invite ${invite.id}: pending, its workflow ${workflow}`);
  }
}
