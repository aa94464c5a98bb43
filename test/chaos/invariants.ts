import type { Step } from './flows.js';
import type { ServiceTimings } from './options.js';
import type { Snapshot } from './snapshot.js';

export const INVARIANTS = {
  lostCharges: 'lost charges',
  doubledCharges: 'doubled charges',
  chargesWithoutAcceptance: 'charges without acceptance',
  balancesOffLedger: 'balances off their ledger',
  lostRefunds: 'lost refunds',
  doubledRefunds: 'doubled refunds',
  wrongRefunds: 'wrong refunds (policy)',
  slotsHeldAfterEnd: 'slots still held after their invite ended',
  slotsLost: 'slots lost',
  overlappingBlocks: 'overlapping blocks',
  doubledEmails: 'doubled emails',
  lostEmails: 'lost emails',
  lostReminders: 'lost reminders',
  lateExpiries: 'late expiries',
  pendingLeftBehind: 'pending invites left behind',
  answersContradicted: 'answers the data contradicts',
  leftByFailedCreates: 'invites left behind by failed creates',
} as const;
export type Invariant = keyof typeof INVARIANTS;
export type Violations = Record<Invariant, string[]>;

export interface CheckContext {
  timings: ServiceTimings;
  /** Time when infrastructure faults excuse lateness (see faults.ts). */
  excused: [number, number][];
  /** Time when the worker, Temporal or PostgreSQL was away: nothing could happen at all. */
  down: [number, number][];
  /** Time when an email could not get through: Resend's stretches and the backoff after them. */
  emailOutages: [number, number][];
  steps: Step[];
  /** "A few seconds": how late a timer may fire, or how close two racing moments may be. */
  graceMs: number;
}

const ENDING_EVENTS = ['invite_accepted', 'invite_declined', 'invite_expired', 'invite_cancelled'];

function groupBy<T, K>(items: T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  return groups;
}

const iso = (ms: number) => new Date(ms).toISOString();
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)}s`;

/** How much of [from, to] the windows cover. */
function coveredWithin(windows: [number, number][], from: number, to: number): number {
  const clipped = windows
    .map(([s, e]) => [Math.max(s, from), Math.min(e, to)] as const)
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  let total = 0;
  let reached = from;
  for (const [s, e] of clipped) {
    const start = Math.max(s, reached);
    if (e > start) total += e - start;
    reached = Math.max(reached, e);
  }
  return total;
}

/** Checks every promise of the service against the settled data; each entry names one breach. */
export function checkInvariants(snapshot: Snapshot, ctx: CheckContext): Violations {
  const v = Object.fromEntries(
    Object.keys(INVARIANTS).map((k) => [k, []]),
  ) as unknown as Violations;
  const { graceMs, timings } = ctx;
  const judgedBefore = snapshot.takenAt - 2 * graceMs;
  /** When something due at `moment` must have happened: later only while a fault excuses it. */
  const dueBy = (moment: number) => {
    let due = moment;
    for (let moved = true; moved;) {
      moved = false;
      for (const [start, end] of ctx.excused) {
        if (start <= due && due < end) {
          due = end;
          moved = true;
        }
      }
    }
    return due;
  };
  const emailsCouldNotPass = (from: number, to: number) =>
    coveredWithin(ctx.emailOutages, from, to) >= to - from;

  const invites = new Map(snapshot.invites.map((i) => [i.id, i]));
  const sessions = new Map(snapshot.sessions.map((s) => [s.id, s]));
  const blocksById = new Map(snapshot.blocks.map((b) => [b.id, b]));
  const blockOfInvite = new Map(snapshot.blocks.map((b) => [b.inviteId, b]));
  const sessionOfInvite = new Map(snapshot.sessions.map((s) => [s.inviteId, s]));
  const sessionOfBlock = groupBy(snapshot.sessions, (s) => s.blockId);
  const questionnaires = new Map(snapshot.questionnaires.map((q) => [q.sessionId, q]));
  const emails = new Map(snapshot.emails.map((e) => [e.idempotencyKey, e]));
  const notifications = groupBy(snapshot.notifications, (n) => n.key);
  const resendByKey = groupBy(snapshot.resendLog, (r) => r.key ?? '(no key)');
  const charges = groupBy(
    snapshot.ledger.filter((l) => l.reason === 'booking_charge'),
    (l) => l.inviteId,
  );
  const refunds = groupBy(
    snapshot.ledger.filter((l) => l.reason === 'refund'),
    (l) => l.sessionId,
  );

  const workflowOf = (inviteId: string) => snapshot.workflows.get(`invite-${inviteId}`);
  const rejected = (inviteId: string) => workflowOf(inviteId)?.inviteStatus === 'rejected';
  /** When an invite stopped being pending; expiring writes no respondedAt, so its block tells. */
  const endedAt = (invite: (typeof snapshot.invites)[number]): number | null => {
    if (invite.status === 'pending') return null;
    const at = invite.respondedAt ?? blockOfInvite.get(invite.id)?.releasedAt;
    return at ? at.getTime() : null;
  };
  const recordedAt = (key: string): number | null => {
    const moments = [
      emails.get(key)?.createdAt.getTime(),
      ...(notifications.get(key) ?? []).map((n) => n.createdAt.getTime()),
    ].filter((at): at is number => at !== undefined);
    return moments.length ? Math.min(...moments) : null;
  };
  const delivered = (key: string) => {
    const email = emails.get(key);
    if (email?.status === 'failed') return true;
    return email?.status === 'sent' && (resendByKey.get(key) ?? []).some((r) => r.answer === 200);
  };

  // Charges: one booking charge of the invite's cost for each accepted new invite, none otherwise.
  for (const invite of snapshot.invites) {
    const charged = charges.get(invite.id) ?? [];
    const accepted = invite.status === 'accepted' && invite.kind === 'new';
    if (accepted && invite.creditCost > 0 && charged.length === 0)
      v.lostCharges.push(`invite ${invite.id}: accepted without a booking charge`);
    if (charged.length > 1 || (charged.length === 1 && charged[0]!.delta !== -invite.creditCost))
      v.doubledCharges.push(
        `invite ${invite.id}: charged ${charged.map((c) => c.delta).join(', ')} for a cost of ${invite.creditCost}`,
      );
    if (charged.length > 0 && (!accepted || !sessionOfInvite.has(invite.id)))
      v.chargesWithoutAcceptance.push(`invite ${invite.id}: charged while ${invite.status}`);
  }
  for (const [inviteId, rows] of charges) {
    if (inviteId === null || !invites.has(inviteId))
      v.chargesWithoutAcceptance.push(`ledger ${rows[0]!.id}: a charge for no invite`);
  }
  for (const session of snapshot.sessions) {
    const invite = invites.get(session.inviteId);
    if (session.creditCost > 0 && invite?.kind === 'new' && invite.status !== 'accepted')
      v.lostCharges.push(`session ${session.id}: its invite is ${invite.status}, not accepted`);
  }
  const ledgerSum = new Map<string, number>();
  for (const row of snapshot.ledger)
    ledgerSum.set(row.userId, (ledgerSum.get(row.userId) ?? 0) + row.delta);
  for (const account of snapshot.accounts) {
    const sum = ledgerSum.get(account.userId) ?? 0;
    if (account.balance !== sum || account.balance < 0)
      v.balancesOffLedger.push(`user ${account.userId}: balance ${account.balance}, ledger ${sum}`);
  }

  // Refunds: the cancellation policy applied to the stored start at the moment of cancelling.
  for (const session of snapshot.sessions) {
    const rows = refunds.get(session.id) ?? [];
    const refunded = rows.reduce((sum, r) => sum + r.delta, 0);
    if (session.status !== 'cancelled') {
      if (rows.length > 0)
        v.wrongRefunds.push(`session ${session.id}: refunded while ${session.status}`);
      continue;
    }
    const early =
      session.startsAt.getTime() - session.cancelledAt!.getTime() >= timings.cancellationWindowMs;
    const due = session.cancelledBy === 'coach' || early ? session.creditCost : 0;
    if (due > 0 && rows.length === 0)
      v.lostRefunds.push(
        `session ${session.id}: cancelled by ${session.cancelledBy}, ${due} due, none refunded`,
      );
    if (rows.length > 1 || refunded > session.creditCost)
      v.doubledRefunds.push(`session ${session.id}: ${rows.length} refunds of ${refunded} in all`);
    else if (rows.length === 1 && refunded !== due)
      v.wrongRefunds.push(
        `session ${session.id}: refunded ${refunded}, policy says ${due} (by ${session.cancelledBy}, ${seconds(session.startsAt.getTime() - session.cancelledAt!.getTime())} before start)`,
      );
    if ((session.refundedCredits ?? 0) !== refunded && rows.length <= 1)
      v.wrongRefunds.push(
        `session ${session.id}: says ${session.refundedCredits} refunded, ledger ${refunded}`,
      );
  }
  for (const [sessionId, rows] of refunds) {
    if (sessionId === null || !sessions.has(sessionId))
      v.wrongRefunds.push(`ledger ${rows[0]!.id}: a refund for no session`);
  }

  // Slots: held only by a pending invite with a live workflow, booked only by a session on it.
  for (const block of snapshot.blocks) {
    const invite = invites.get(block.inviteId);
    if (block.status === 'held') {
      if (!invite || invite.status !== 'pending')
        v.slotsHeldAfterEnd.push(`block ${block.id}: held after its invite was ${invite?.status}`);
      else if (workflowOf(invite.id)?.status !== 'RUNNING')
        v.slotsHeldAfterEnd.push(
          `block ${block.id}: held by a pending invite whose workflow is ${workflowOf(invite.id)?.status ?? 'missing'}`,
        );
    } else if (block.status === 'booked') {
      const bookers = sessionOfBlock.get(block.id) ?? [];
      if (bookers.length === 0)
        v.slotsHeldAfterEnd.push(`block ${block.id}: booked, but no session is on it`);
      else if (bookers.every((s) => s.status === 'cancelled'))
        v.slotsHeldAfterEnd.push(`block ${block.id}: still booked for a cancelled session`);
    }
  }
  for (const session of snapshot.sessions) {
    if (session.status === 'cancelled') continue;
    const block = blocksById.get(session.blockId);
    if (!block || block.status !== 'booked')
      v.slotsLost.push(
        `session ${session.id} (${session.status}): its block is ${block?.status ?? 'missing'}`,
      );
    else if (
      block.startsAt.getTime() !== session.startsAt.getTime() ||
      block.endsAt.getTime() !== session.endsAt.getTime()
    )
      v.slotsLost.push(`session ${session.id}: its block is at another time`);
  }
  for (const invite of snapshot.invites) {
    if (invite.status === 'accepted' && invite.kind === 'new' && !sessionOfInvite.has(invite.id))
      v.slotsLost.push(`invite ${invite.id}: accepted without a session`);
  }
  for (const blocks of groupBy(
    snapshot.blocks.filter((b) => b.status !== 'released'),
    (b) => b.coachId,
  ).values()) {
    for (let i = 0; i < blocks.length; i++) {
      for (let j = i + 1; j < blocks.length; j++) {
        const [a, b] = [blocks[i]!, blocks[j]!];
        if ((a.sessionId ?? a.id) === (b.sessionId ?? b.id)) continue;
        if (a.startsAt < b.endsAt && b.startsAt < a.endsAt)
          v.overlappingBlocks.push(`blocks ${a.id} and ${b.id} of coach ${a.coachId} overlap`);
      }
    }
  }

  // Emails: one content per key, one ending per invite, and every one that is due delivered.
  for (const [key, requests] of resendByKey) {
    if (new Set(requests.map((r) => r.content)).size > 1)
      v.doubledEmails.push(
        `${key}: sent with ${new Set(requests.map((r) => r.content)).size} contents`,
      );
  }
  for (const [key, rows] of notifications) {
    if (rows.length > 1) v.doubledEmails.push(`${key}: ${rows.length} notifications`);
  }
  const endingsSent = groupBy(
    snapshot.emails.filter((e) => e.status === 'sent' && ENDING_EVENTS.includes(e.template)),
    (e) => `${e.idempotencyKey.split(':')[1]}:${e.recipientId}`,
  );
  for (const [inviteAndRecipient, rows] of endingsSent) {
    const invite = invites.get(inviteAndRecipient.split(':')[0]!);
    const templates = new Set(rows.map((r) => r.template));
    if (templates.size > 1)
      v.doubledEmails.push(`${inviteAndRecipient}: told ${[...templates].join(' and ')}`);
    else if (invite && !templates.has(`invite_${invite.status}`))
      v.doubledEmails.push(
        `${inviteAndRecipient}: told ${[...templates][0]} of a ${invite.status} invite`,
      );
  }

  const expectedEmails = new Map<string, string>();
  const expect = (key: string, why: string) => expectedEmails.set(key, why);
  for (const invite of snapshot.invites) {
    if (rejected(invite.id)) continue;
    const { clientId, coachId } = invite;
    if (invite.createdAt.getTime() < judgedBefore)
      expect(`invite_sent:${invite.id}:${clientId}`, 'the invite itself');
    const ended = endedAt(invite);
    if (ended === null || ended >= judgedBefore) continue;
    const recipients: Record<string, string[]> = {
      accepted: [clientId, coachId],
      declined: [coachId, clientId],
      expired: [clientId, coachId],
      cancelled:
        invite.kind === 'reschedule' && sessions.get(invite.sessionId ?? '')?.status === 'cancelled'
          ? []
          : [clientId],
    };
    for (const person of recipients[invite.status] ?? [])
      expect(`invite_${invite.status}:${invite.id}:${person}`, `the invite's ending`);
  }
  for (const session of snapshot.sessions) {
    if (session.status === 'cancelled' && session.cancelledAt!.getTime() < judgedBefore) {
      const told =
        session.cancelledBy === 'client' ? [session.coachId, session.clientId] : [session.clientId];
      for (const person of told)
        expect(`session_cancelled:${session.id}:cancelled:${person}`, 'the cancellation');
    }
    const movedAt = snapshot.invites
      .filter(
        (i) => i.kind === 'reschedule' && i.sessionId === session.id && i.status === 'accepted',
      )
      .map((i) => i.respondedAt!.getTime());
    const since = Math.max(session.createdAt.getTime(), ...movedAt);
    const submittedAt = questionnaires.get(session.id)?.submittedAt?.getTime() ?? Infinity;
    const cancelledAt = session.cancelledAt?.getTime() ?? Infinity;
    for (const offset of timings.questionnaireRemindersMs) {
      const moment = session.startsAt.getTime() - offset;
      const stillDue = moment > since + graceMs && moment < judgedBefore;
      const answeredOrCancelled = Math.min(submittedAt, cancelledAt) < moment + graceMs;
      if (stillDue && !answeredOrCancelled && dueBy(moment) === moment)
        expect(
          `questionnaire_reminder:${session.id}:${iso(moment)}:${session.clientId}`,
          'a questionnaire reminder',
        );
    }
  }
  for (const email of snapshot.emails) expect(email.idempotencyKey, `recorded as ${email.status}`);
  /** When a reminder stopped mattering: its invite answered or expired, its session begun or done. */
  const reminderMootAt = (key: string): number | null => {
    const [template, subjectId] = key.split(':');
    if (template === 'invite_reminder') {
      const invite = invites.get(subjectId!);
      return invite ? Math.min(endedAt(invite) ?? Infinity, invite.expiresAt.getTime()) : null;
    }
    if (template === 'questionnaire_reminder') {
      const session = sessions.get(subjectId!);
      const submittedAt = questionnaires.get(subjectId!)?.submittedAt?.getTime() ?? Infinity;
      if (!session) return null;
      return Math.min(
        session.startsAt.getTime(),
        session.cancelledAt?.getTime() ?? Infinity,
        submittedAt,
      );
    }
    return null;
  };
  for (const [key, why] of expectedEmails) {
    const recorded = recordedAt(key);
    const moot = reminderMootAt(key);
    // A reminder that Resend kept out until it no longer mattered is dropped, not lost.
    const dropped =
      recorded !== null &&
      moot !== null &&
      moot < snapshot.takenAt &&
      emailsCouldNotPass(recorded, moot);
    if (!delivered(key) && !dropped) {
      const email = emails.get(key);
      v.lostEmails.push(
        `${key} (${why}): ${email ? `${email.status} after ${email.attempts} attempts` : 'never recorded'}`,
      );
    }
  }

  // When the run answered an invite: a worker that was away may apply the answer only later.
  const answeredAt = new Map<string, number>();
  for (const step of ctx.steps) {
    if (step.status !== 200 || !['accept', 'decline', 'withdraw'].includes(step.action)) continue;
    const inviteId = (step as { inviteId: string }).inviteId;
    answeredAt.set(inviteId, Math.min(answeredAt.get(inviteId) ?? Infinity, step.sentAt));
  }

  // Reminder and expiry on time, whatever Resend did; late only by what faults excuse.
  for (const invite of snapshot.invites) {
    if (rejected(invite.id)) continue;
    const expiresAt = invite.expiresAt.getTime();
    const ended = endedAt(invite);
    const reminderAt = expiresAt - timings.inviteReminderBeforeMs;
    const pendingAtReminder =
      (ended === null || ended > reminderAt + graceMs) &&
      (answeredAt.get(invite.id) ?? Infinity) > reminderAt + graceMs;
    if (reminderAt > invite.createdAt.getTime() && reminderAt < judgedBefore && pendingAtReminder) {
      const remindedAt = recordedAt(`invite_reminder:${invite.id}:${invite.clientId}`);
      const until = Math.min(ended ?? expiresAt, expiresAt);
      if (remindedAt === null) {
        // Once the parts are back a reminder still goes out while the invite is pending.
        if (coveredWithin(ctx.down, reminderAt, until) < until - reminderAt)
          v.lostReminders.push(
            `invite ${invite.id}: pending at ${iso(reminderAt)}, never reminded`,
          );
      } else if (remindedAt > dueBy(reminderAt) + graceMs) {
        v.lostReminders.push(
          `invite ${invite.id}: reminded ${seconds(remindedAt - reminderAt)} late`,
        );
      }
    }
    if (ended !== null && ended > dueBy(expiresAt) + graceMs)
      v.lateExpiries.push(
        `invite ${invite.id}: still pending ${seconds(ended - expiresAt)} past its expiry, then ${invite.status}`,
      );
    if (invite.status === 'pending') {
      if (expiresAt < snapshot.takenAt - graceMs)
        v.pendingLeftBehind.push(
          `invite ${invite.id}: pending ${seconds(snapshot.takenAt - expiresAt)} past its expiry`,
        );
      else if (workflowOf(invite.id)?.status !== 'RUNNING')
        v.pendingLeftBehind.push(
          `invite ${invite.id}: pending, its workflow ${workflowOf(invite.id)?.status ?? 'missing'}`,
        );
    }
  }

  // What the API told the run must be what the data says.
  const createdIds = new Set<string>();
  for (const step of ctx.steps) {
    const contradict = (why: string) =>
      v.answersContradicted.push(`${step.action} answered ${step.status}: ${why}`);
    switch (step.action) {
      case 'create': {
        if (!step.inviteId) break;
        createdIds.add(step.inviteId);
        const invite = invites.get(step.inviteId);
        if (!invite) contradict(`invite ${step.inviteId} does not exist`);
        else if (invite.startsAt.toISOString() !== step.startsAt || invite.coachId !== step.coachId)
          contradict(`invite ${step.inviteId} is for another slot or coach`);
        break;
      }
      case 'accept': {
        const invite = invites.get(step.inviteId);
        if (step.status === 200) {
          const session = step.sessionId ? sessions.get(step.sessionId) : undefined;
          if (invite?.status !== 'accepted')
            contradict(`invite ${step.inviteId} is ${invite?.status}`);
          else if (!session) contradict(`session ${step.sessionId} does not exist`);
        } else if (step.status >= 400 && invite?.status === 'accepted') {
          contradict(
            `${step.code} after ${step.attempts} attempts, yet invite ${step.inviteId} is accepted`,
          );
        }
        break;
      }
      case 'decline': {
        if (step.status !== 200) break;
        const invite = invites.get(step.inviteId);
        if (invite?.status !== 'declined')
          contradict(`invite ${step.inviteId} is ${invite?.status}`);
        else if (step.rebook !== Boolean(step.nextUrl?.includes(invite.coachId)))
          contradict(`invite ${step.inviteId}: rebook ${step.rebook} but next ${step.nextUrl}`);
        break;
      }
      case 'withdraw': {
        const invite = invites.get(step.inviteId);
        if (step.status === 200 && invite?.status !== 'cancelled')
          contradict(`invite ${step.inviteId} is ${invite?.status}`);
        break;
      }
      case 'cancel-session': {
        if (step.status !== 200) break;
        const session = sessions.get(step.sessionId);
        const refunded = (refunds.get(step.sessionId) ?? []).reduce((sum, r) => sum + r.delta, 0);
        if (session?.status !== 'cancelled' || session.cancelledBy !== step.by)
          contradict(`session ${step.sessionId} is ${session?.status} by ${session?.cancelledBy}`);
        else if (step.refundedCredits !== refunded)
          contradict(
            `session ${step.sessionId}: told ${step.refundedCredits} refunded, ledger ${refunded}`,
          );
        break;
      }
      case 'save-questionnaire': {
        if (step.status === 200 && questionnaires.get(step.sessionId)?.status !== 'submitted')
          contradict(`questionnaire of ${step.sessionId} is not submitted`);
        break;
      }
    }
  }
  for (const step of ctx.steps) {
    if (step.action !== 'accept' || step.status !== 200) continue;
    const invite = invites.get(step.inviteId);
    if (invite?.kind !== 'reschedule') continue;
    const session = sessions.get(invite.sessionId ?? '');
    if (session && session.startsAt.getTime() !== invite.startsAt.getTime())
      v.answersContradicted.push(
        `reschedule ${invite.id} accepted, session ${session.id} did not move`,
      );
  }
  for (const invite of snapshot.invites) {
    if (!createdIds.has(invite.id) && invite.status !== 'cancelled')
      v.leftByFailedCreates.push(
        `invite ${invite.id} (${invite.kind}, ${invite.status}): the coach never got its 201`,
      );
  }
  return v;
}
