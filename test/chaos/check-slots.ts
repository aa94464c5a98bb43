import { groupBy, type Facts } from './facts.js';
import type { Violations } from './invariants.js';

/** Held only by a pending invite with a live workflow, booked only under a session, no overlaps. */
export function checkSlots(f: Facts, v: Violations): void {
  for (const block of f.snapshot.blocks) {
    const invite = f.invites.get(block.inviteId);
    if (block.status === 'held') {
      const workflow = f.workflowOf(block.inviteId)?.status ?? 'missing';
      if (!invite || invite.status !== 'pending')
        v.slotsHeldAfterEnd.push(`block ${block.id}: held after its invite was ${invite?.status}`);
      else if (workflow !== 'RUNNING')
        v.slotsHeldAfterEnd.push(
          `block ${block.id}: held by a pending invite whose workflow is ${workflow}`,
        );
    } else if (block.status === 'booked') {
      const sessions = f.sessionsOnBlock.get(block.id) ?? [];
      if (sessions.length === 0)
        v.slotsHeldAfterEnd.push(`block ${block.id}: booked, but no session is on it`);
      else if (sessions.every((s) => s.status === 'cancelled'))
        v.slotsHeldAfterEnd.push(`block ${block.id}: still booked for a cancelled session`);
    }
  }

  for (const session of f.snapshot.sessions) {
    if (session.status === 'cancelled') continue;
    const block = f.blocksById.get(session.blockId);
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
  for (const invite of f.snapshot.invites) {
    if (invite.status === 'accepted' && invite.kind === 'new' && !f.sessionOfInvite.has(invite.id))
      v.slotsLost.push(`invite ${invite.id}: accepted without a session`);
  }

  const live = f.snapshot.blocks.filter((b) => b.status !== 'released');
  for (const blocks of groupBy(live, (b) => b.coachId).values()) {
    for (let i = 0; i < blocks.length; i++) {
      for (let j = i + 1; j < blocks.length; j++) {
        const [a, b] = [blocks[i]!, blocks[j]!];
        // A reschedule's new block may overlap its own session's block.
        if ((a.sessionId ?? a.id) === (b.sessionId ?? b.id)) continue;
        if (a.startsAt < b.endsAt && b.startsAt < a.endsAt)
          v.overlappingBlocks.push(`blocks ${a.id} and ${b.id} of coach ${a.coachId} overlap`);
      }
    }
  }
}
