import type { SearchAttributePair } from '@temporalio/common';
import { sessionWorkflowId } from '../src/domain/workflow-ids.js';
import {
  ClientIdKey,
  CoachIdKey,
  SessionStatusKey,
  SlotStartKey,
} from '../src/temporal/search-attributes.js';
import type { SessionInput, SessionPolicy } from '../src/domain/inputs.js';
import type { SessionView } from '../src/domain/views.js';

/**
 * How `session-<id>` starts, from its invite's acceptance or when a message finds it missing: its
 * input, and the search attributes and summary operators find it by. A session workflow that has
 * ended is never started again.
 */
export function sessionStart(
  session: SessionView,
  policy: SessionPolicy,
  carried?: SessionInput['carried'],
) {
  const input: SessionInput = {
    sessionId: session.id,
    inviteId: session.inviteId,
    coachId: session.coachId,
    clientId: session.clientId,
    startsAt: session.startsAt,
    endsAt: session.endsAt,
    creditCost: session.creditCost,
    policy,
    ...(carried ? { carried } : {}),
    leanFlow: true,
  };
  return {
    workflowId: sessionWorkflowId(session.id),
    args: [input] as [SessionInput],
    typedSearchAttributes: [
      { key: SessionStatusKey, value: 'booked' },
      { key: CoachIdKey, value: session.coachId },
      { key: ClientIdKey, value: session.clientId },
      { key: SlotStartKey, value: new Date(session.startsAt) },
    ] satisfies SearchAttributePair[],
    staticSummary: `Session ${session.startsAt} → ${session.endsAt}`,
    staticDetails: `Coach: ${session.coachId}\nClient: ${session.clientId}\nInvite: ${session.inviteId}`,
  };
}
