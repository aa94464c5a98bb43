import { groupBy, iso, type Facts } from './facts.js';
import type { Violations } from './invariants.js';

const ENDING_EVENTS = ['invite_accepted', 'invite_declined', 'invite_expired', 'invite_cancelled'];

/** One content per key, one notification per key, one ending per invite and recipient. */
export function checkDoubledEmails(f: Facts, v: Violations): void {
  for (const [key, requests] of f.resendByKey) {
    const contents = new Set(requests.map((r) => r.content)).size;
    if (contents > 1) v.doubledEmails.push(`${key}: sent with ${contents} contents`);
  }
  for (const [key, rows] of f.notifications) {
    if (rows.length > 1) v.doubledEmails.push(`${key}: ${rows.length} notifications`);
  }
  const endingsSent = groupBy(
    f.snapshot.emails.filter((e) => e.status === 'sent' && ENDING_EVENTS.includes(e.template)),
    (e) => `${e.idempotencyKey.split(':')[1]}:${e.recipientId}`,
  );
  for (const [inviteAndRecipient, rows] of endingsSent) {
    const invite = f.invites.get(inviteAndRecipient.split(':')[0]!);
    const templates = new Set(rows.map((r) => r.template));
    if (templates.size > 1)
      v.doubledEmails.push(`${inviteAndRecipient}: told ${[...templates].join(' and ')}`);
    else if (invite && !templates.has(`invite_${invite.status}`))
      v.doubledEmails.push(
        `${inviteAndRecipient}: told ${[...templates][0]} of a ${invite.status} invite`,
      );
  }
}

/** Every email the data says is due, by its key, with why it is due. */
function expectedEmails(f: Facts): Map<string, string> {
  const expected = new Map<string, string>();
  for (const invite of f.snapshot.invites) {
    if (f.rejected(invite.id)) continue;
    const { clientId, coachId } = invite;
    // Withdrawn before its email was first recorded, the invite is never told of, nor its end.
    const sentKey = `invite_sent:${invite.id}:${clientId}`;
    if (invite.status === 'cancelled' && !f.notifications.has(sentKey)) continue;
    if (invite.createdAt.getTime() < f.judgedBefore)
      expected.set(`invite_sent:${invite.id}:${clientId}`, 'the invite itself');
    const ended = f.endedAt(invite);
    if (ended === null || ended >= f.judgedBefore) continue;
    // A reschedule cancelled with its session stays silent: the cancellation's email tells.
    const withSession =
      invite.kind === 'reschedule' &&
      f.sessions.get(invite.sessionId ?? '')?.status === 'cancelled';
    const told: Record<string, string[]> = {
      accepted: [clientId, coachId],
      declined: [coachId, clientId],
      expired: [clientId, coachId],
      cancelled: withSession ? [] : [clientId],
    };
    for (const person of told[invite.status] ?? [])
      expected.set(`invite_${invite.status}:${invite.id}:${person}`, `the invite's ending`);
  }

  for (const session of f.snapshot.sessions) {
    if (session.status === 'cancelled' && session.cancelledAt!.getTime() < f.judgedBefore) {
      // Both, whoever cancelled: each email withdraws the calendar event.
      for (const person of [session.coachId, session.clientId])
        expected.set(`session_cancelled:${session.id}:cancelled:${person}`, 'the cancellation');
    }
    const movedAt = f.snapshot.invites
      .filter((i) => i.kind === 'reschedule' && i.sessionId === session.id)
      .filter((i) => i.status === 'accepted')
      .map((i) => i.respondedAt!.getTime());
    const since = Math.max(session.createdAt.getTime(), ...movedAt);
    const mootAt = questionnaireReminderMootAt(f, session.id)!;
    for (const offset of f.ctx.timings.questionnaireRemindersMs) {
      const moment = session.startsAt.getTime() - offset;
      const due = moment > since + f.ctx.graceMs && moment < f.judgedBefore;
      if (due && mootAt > moment + f.ctx.graceMs && f.dueBy(moment) < mootAt)
        expected.set(
          `questionnaire_reminder:${session.id}:${iso(moment)}:${session.clientId}`,
          'a questionnaire reminder',
        );
    }
  }

  for (const email of f.snapshot.emails)
    if (!expected.has(email.idempotencyKey))
      expected.set(email.idempotencyKey, `recorded as ${email.status}`);
  return expected;
}

/** Submitted, cancelled or started, a session needs no questionnaire reminder any more. */
function questionnaireReminderMootAt(f: Facts, sessionId: string): number | null {
  const session = f.sessions.get(sessionId);
  if (!session) return null;
  return Math.min(
    session.startsAt.getTime(),
    session.cancelledAt?.getTime() ?? Infinity,
    f.questionnaires.get(sessionId)?.submittedAt?.getTime() ?? Infinity,
  );
}

/** When a reminder stopped mattering: its invite answered or expired, its session begun or done. */
function reminderMootAt(f: Facts, key: string): number | null {
  const [template, subjectId] = key.split(':') as [string, string];
  if (template === 'questionnaire_reminder') return questionnaireReminderMootAt(f, subjectId);
  if (template !== 'invite_reminder') return null;
  const invite = f.invites.get(subjectId);
  return invite ? Math.min(f.endedAt(invite) ?? Infinity, invite.expiresAt.getTime()) : null;
}

/** Every due email delivered, or refused by Resend for good; never left pending or unsent. */
export function checkLostEmails(f: Facts, v: Violations): void {
  for (const [key, why] of expectedEmails(f)) {
    if (f.delivered(key)) continue;
    const recorded = f.recordedAt(key);
    const moot = reminderMootAt(f, key);
    // A reminder that Resend kept out until it no longer mattered is dropped, not lost.
    if (
      recorded !== null &&
      moot !== null &&
      moot < f.snapshot.takenAt &&
      f.emailsCouldNotPass(recorded, moot)
    )
      continue;
    const email = f.emails.get(key);
    v.lostEmails.push(
      `${key} (${why}): ${email ? `${email.status} after ${email.attempts} attempts` : 'never recorded'}`,
    );
  }
}
