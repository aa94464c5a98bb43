import type { Facts } from './facts.js';
import type { Violations } from './invariants.js';

/** What the API answered the run must be what the data says; an error leaves no invite behind. */
export function checkAnswers(f: Facts, v: Violations): void {
  const createdIds = new Set<string>();
  for (const step of f.ctx.steps) {
    const contradict = (why: string) =>
      v.answersContradicted.push(`${step.action} answered ${step.status}: ${why}`);
    switch (step.action) {
      case 'create': {
        if (!step.inviteId) break;
        createdIds.add(step.inviteId);
        const invite = f.invites.get(step.inviteId);
        if (!invite) contradict(`invite ${step.inviteId} does not exist`);
        else if (invite.startsAt.toISOString() !== step.startsAt || invite.coachId !== step.coachId)
          contradict(`invite ${step.inviteId} is for another slot or coach`);
        break;
      }
      case 'accept': {
        const invite = f.invites.get(step.inviteId);
        if (step.status === 200) {
          if (invite?.status !== 'accepted')
            contradict(`invite ${step.inviteId} is ${invite?.status}`);
          else if (!f.sessions.has(step.sessionId ?? ''))
            contradict(`session ${step.sessionId} does not exist`);
          else if (invite.kind === 'reschedule' && !movedTo(f, invite))
            contradict(
              `reschedule ${invite.id} accepted, session ${invite.sessionId} did not move`,
            );
        } else if (step.status >= 400 && invite?.status === 'accepted') {
          contradict(
            `${step.code} after ${step.attempts} attempts, yet invite ${step.inviteId} is accepted`,
          );
        }
        break;
      }
      case 'decline': {
        if (step.status !== 200) break;
        const invite = f.invites.get(step.inviteId);
        if (invite?.status !== 'declined')
          contradict(`invite ${step.inviteId} is ${invite?.status}`);
        else if (step.rebook !== Boolean(step.nextUrl?.includes(invite.coachId)))
          contradict(`invite ${step.inviteId}: rebook ${step.rebook} but next ${step.nextUrl}`);
        break;
      }
      case 'withdraw': {
        const invite = f.invites.get(step.inviteId);
        if (step.status === 200 && invite?.status !== 'cancelled')
          contradict(`invite ${step.inviteId} is ${invite?.status}`);
        break;
      }
      case 'cancel-session': {
        if (step.status !== 200) break;
        const session = f.sessions.get(step.sessionId);
        const rows = f.refunds.get(step.sessionId) ?? [];
        const refunded = rows.reduce((sum, r) => sum + r.delta, 0);
        if (session?.status !== 'cancelled' || session.cancelledBy !== step.by)
          contradict(`session ${step.sessionId} is ${session?.status} by ${session?.cancelledBy}`);
        else if (step.refundedCredits !== refunded)
          contradict(
            `session ${step.sessionId}: told ${step.refundedCredits} refunded, ledger ${refunded}`,
          );
        break;
      }
      case 'save-questionnaire': {
        if (step.status === 200 && f.questionnaires.get(step.sessionId)?.status !== 'submitted')
          contradict(`questionnaire of ${step.sessionId} is not submitted`);
        break;
      }
    }
  }

  const acceptedSessions = new Map<string, Set<string>>();
  for (const step of f.ctx.steps) {
    if (step.action !== 'accept' || step.status !== 200 || !step.sessionId) continue;
    acceptedSessions.set(
      step.inviteId,
      (acceptedSessions.get(step.inviteId) ?? new Set()).add(step.sessionId),
    );
  }
  for (const [inviteId, sessionIds] of acceptedSessions) {
    if (sessionIds.size > 1)
      v.answersContradicted.push(
        `accept answered 200: invite ${inviteId} with ${sessionIds.size} sessions`,
      );
  }

  // The 503 path withdraws what it may have opened; anything else the coach never heard of stays.
  for (const invite of f.snapshot.invites) {
    if (!createdIds.has(invite.id) && invite.status !== 'cancelled')
      v.leftByFailedCreates.push(
        `invite ${invite.id} (${invite.kind}, ${invite.status}): the coach never got its 201`,
      );
  }
}

function movedTo(f: Facts, invite: { sessionId: string | null; startsAt: Date }): boolean {
  const session = f.sessions.get(invite.sessionId ?? '');
  return session?.startsAt.getTime() === invite.startsAt.getTime();
}
