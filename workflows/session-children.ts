import {
  getExternalWorkflowHandle,
  log,
  ParentClosePolicy,
  startChild,
  WorkflowIdReusePolicy,
} from '@temporalio/workflow';
import { sessionWorkflowId } from '../src/domain/workflow-ids.js';
import { sessionMovedSignal } from './messages.js';
import type { InviteInput, SessionPolicy } from '../src/domain/inputs.js';
import type { SessionView } from '../src/domain/views.js';
import { sessionWorkflow } from './session.js';
import { sessionStart } from './session-start.js';

/** For invites sent before the API passed a policy along: the documented defaults. */
const DEFAULT_SESSION_POLICY: SessionPolicy = {
  cancellationWindowMs: 24 * 3_600_000,
  questionnaireRemindersMs: [72 * 3_600_000, 24 * 3_600_000],
};

/** The policy the invite's session runs under. */
export const sessionPolicyOf = (invite: InviteInput): SessionPolicy =>
  invite.sessionPolicy ?? DEFAULT_SESSION_POLICY;

/**
 * Starts the session's own workflow once as the invite's child, the start recorded in the invite's
 * history: runs started before the acceptance step started it, and a reschedule's session found
 * without one.
 */
export async function startSession(session: SessionView, invite: InviteInput): Promise<void> {
  await startChild(sessionWorkflow, {
    ...sessionStart(session, sessionPolicyOf(invite)),
    parentClosePolicy: ParentClosePolicy.ABANDON,
    workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
  }).catch((error: unknown) =>
    log.error('Could not start the session workflow', { error: String(error) }),
  );
}

/** Moves the session's timers; a session that has no workflow yet is given one at its new time. */
export async function moveSession(session: SessionView, invite: InviteInput): Promise<void> {
  await getExternalWorkflowHandle(sessionWorkflowId(session.id))
    .signal(sessionMovedSignal, { startsAt: session.startsAt, endsAt: session.endsAt })
    .catch(async (error: unknown) => {
      log.warn('Could not move the session workflow; starting one', { error: String(error) });
      await startSession(session, invite);
    });
}
