import { STICKY_QUEUE_TIMEOUT_MS } from './faults.js';
import type { CheckContext } from './invariants.js';
import type { Snapshot } from './snapshot.js';

export function groupBy<T, K>(items: T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  return groups;
}

export const iso = (ms: number) => new Date(ms).toISOString();
export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)}s`;

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

type InviteRow = Snapshot['invites'][number];

/** The snapshot indexed for the checks, with the questions they share. */
export function factsOf(snapshot: Snapshot, ctx: CheckContext) {
  const emails = new Map(snapshot.emails.map((e) => [e.idempotencyKey, e]));
  const notifications = groupBy(snapshot.notifications, (n) => n.key);
  const resendByKey = groupBy(snapshot.resendLog, (r) => r.key ?? '(no key)');
  const blockOfInvite = new Map(snapshot.blocks.map((b) => [b.inviteId, b]));
  const workflowOf = (inviteId: string) => snapshot.workflows.get(`invite-${inviteId}`);

  /** When the run first sent an answer the API took: a worker away may apply it only later. */
  const answeredAt = new Map<string, number>();
  for (const step of ctx.steps) {
    if (step.status !== 200) continue;
    if (step.action !== 'accept' && step.action !== 'decline' && step.action !== 'withdraw')
      continue;
    answeredAt.set(step.inviteId, Math.min(answeredAt.get(step.inviteId) ?? Infinity, step.sentAt));
  }

  const deferredByFaults = (moment: number): number => {
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

  return {
    snapshot,
    ctx,
    /** Moments this close to the snapshot are too recent to judge. */
    judgedBefore: snapshot.takenAt - 2 * ctx.graceMs,
    invites: new Map(snapshot.invites.map((i) => [i.id, i])),
    sessions: new Map(snapshot.sessions.map((s) => [s.id, s])),
    blocksById: new Map(snapshot.blocks.map((b) => [b.id, b])),
    sessionOfInvite: new Map(snapshot.sessions.map((s) => [s.inviteId, s])),
    sessionsOnBlock: groupBy(snapshot.sessions, (s) => s.blockId),
    questionnaires: new Map(snapshot.questionnaires.map((q) => [q.sessionId, q])),
    emails,
    notifications,
    resendByKey,
    charges: groupBy(
      snapshot.ledger.filter((l) => l.reason === 'booking_charge'),
      (l) => l.inviteId,
    ),
    refunds: groupBy(
      snapshot.ledger.filter((l) => l.reason === 'refund'),
      (l) => l.sessionId,
    ),
    answeredAt,
    workflowOf,
    /** Refused when opened: no invite to speak of, whatever rows a failed attempt left. */
    rejected: (inviteId: string) => workflowOf(inviteId)?.inviteStatus === 'rejected',

    /** When an invite stopped being pending; expiring writes no respondedAt, so its block tells. */
    endedAt(invite: InviteRow): number | null {
      if (invite.status === 'pending') return null;
      const at = invite.respondedAt ?? blockOfInvite.get(invite.id)?.releasedAt;
      return at ? at.getTime() : null;
    },

    /** When the service first decided to tell someone something under this key. */
    recordedAt(key: string): number | null {
      const moments = [
        emails.get(key)?.createdAt.getTime(),
        ...(notifications.get(key) ?? []).map((n) => n.createdAt.getTime()),
      ].filter((at): at is number => at !== undefined);
      return moments.length ? Math.min(...moments) : null;
    },

    /** Sent and taken by Resend, or refused by it for good (recorded as failed). */
    delivered(key: string): boolean {
      const email = emails.get(key);
      if (email?.status === 'failed') return true;
      return email?.status === 'sent' && (resendByKey.get(key) ?? []).some((r) => r.answer === 200);
    },

    /** Where a moment due inside a fault's window moves: to the window's end (chained). */
    deferredByFaults,

    /**
     * When something due at `moment` must have happened: deferred by faults, after a worker's
     * SIGKILL a sticky-queue timeout may come on top, then a few seconds.
     */
    dueBy(moment: number): number {
      const due = deferredByFaults(moment);
      const sticky = ctx.workerKills.some((at) => at < due) ? STICKY_QUEUE_TIMEOUT_MS : 0;
      return due + sticky + ctx.graceMs;
    },

    /** Whether Resend (or the infrastructure) kept every attempt out from `from` to `to`. */
    emailsCouldNotPass: (from: number, to: number) =>
      coveredWithin(ctx.emailOutages, from, to) >= to - from,
  };
}

export type Facts = ReturnType<typeof factsOf>;
