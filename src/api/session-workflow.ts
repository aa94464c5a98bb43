import { WithStartWorkflowOperation, type Client } from '@temporalio/client';
import type { sessionWorkflow } from '../../workflows/session.js';
import {
  cancelSessionUpdate,
  questionnaireSubmittedSignal,
  type CancelSessionCommand,
  type SessionInput,
  type SessionView,
} from '../../workflows/messages.js';
import {
  ClientIdKey,
  CoachIdKey,
  SessionStatusKey,
  SlotStartKey,
} from '../temporal/search-attributes.js';
import type { ApiDeps } from './deps.js';

type Deps = Pick<ApiDeps, 'config' | 'temporal'>;

/**
 * How `session-<id>` starts when a message finds it not running: a session booked before sessions
 * ran as workflows, or whose start failed, is given one when first needed. A session workflow that
 * already ended is never started again.
 */
function startOptions({ config }: Deps, session: SessionView) {
  const input: SessionInput = {
    sessionId: session.id,
    inviteId: session.inviteId,
    coachId: session.coachId,
    clientId: session.clientId,
    startsAt: session.startsAt,
    endsAt: session.endsAt,
    creditCost: session.creditCost,
    // Its invite's policy was not stored: today's is the best there is.
    policy: {
      cancellationWindowMs: config.cancellationWindowMs,
      questionnaireRemindersMs: config.questionnaireRemindersMs,
    },
    carried: {
      questionnaireSubmitted: session.questionnaire.status === 'submitted',
      remindersSent: [],
    },
  };
  return {
    workflowId: `session-${session.id}`,
    taskQueue: config.taskQueue,
    workflowIdReusePolicy: 'REJECT_DUPLICATE' as const,
    args: [input] as [SessionInput],
    typedSearchAttributes: [
      { key: SessionStatusKey, value: 'booked' },
      { key: CoachIdKey, value: session.coachId },
      { key: ClientIdKey, value: session.clientId },
      { key: SlotStartKey, value: new Date(session.startsAt) },
    ],
    staticSummary: `Session ${session.startsAt} → ${session.endsAt}`,
  };
}

/** Cancels through the session's workflow, starting it first if it has none. */
export function cancelThroughWorkflow(
  deps: Deps,
  session: SessionView,
  command: CancelSessionCommand,
) {
  return deps.temporal.workflow.executeUpdateWithStart(cancelSessionUpdate, {
    args: [command],
    startWorkflowOperation: new WithStartWorkflowOperation<typeof sessionWorkflow>(
      'sessionWorkflow',
      { ...startOptions(deps, session), workflowIdConflictPolicy: 'USE_EXISTING' },
    ),
  });
}

/** Stops the questionnaire reminders, starting the session's workflow first if it has none. */
export async function tellQuestionnaireSubmitted(deps: Deps, session: SessionView) {
  await deps.temporal.workflow.signalWithStart<typeof sessionWorkflow, []>('sessionWorkflow', {
    ...startOptions(deps, session),
    signal: questionnaireSubmittedSignal,
  });
}
