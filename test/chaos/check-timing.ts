import { iso, seconds, type Facts } from './facts.js';
import type { Violations } from './invariants.js';

/**
 * The reminder while pending and the expiry on time, whatever Resend did; late only as far as
 * infrastructure faults excuse; and no invite left pending past its expiry or without a workflow.
 */
export function checkTiming(f: Facts, v: Violations): void {
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
      if (remindedAt === null && f.dueBy(reminderAt) < Math.min(ended ?? expiresAt, expiresAt))
        v.lostReminders.push(`invite ${invite.id}: pending at ${iso(reminderAt)}, never reminded`);
      else if (remindedAt !== null && remindedAt > f.dueBy(reminderAt))
        v.lostReminders.push(
          `invite ${invite.id}: reminded ${seconds(remindedAt - reminderAt)} late`,
        );
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
