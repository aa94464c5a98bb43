import { WithStartWorkflowOperation } from '@temporalio/client';
import type { sessionWorkflow } from '../../workflows/session.js';
import { sessionStart } from '../../workflows/session-start.js';
import {
  cancelSessionUpdate,
  questionnaireSubmittedSignal,
  type CancelSessionCommand,
} from '../../workflows/messages.js';
import type { SessionView } from '../domain/views.js';
import type { ApiDeps } from './deps.js';

type Deps = Pick<ApiDeps, 'config' | 'temporal'>;

/**
 * `session-<id>` as it starts when a message finds it not running: a session booked before sessions
 * ran as workflows, or whose start failed, is given one when first needed, with today's policy (its
 * invite's was not stored). A session workflow that has ended is never started again.
 */
function startOptions({ config }: Deps, session: SessionView) {
  const policy = {
    cancellationWindowMs: config.cancellationWindowMs,
    questionnaireRemindersMs: config.questionnaireRemindersMs,
  };
  const carried = {
    questionnaireSubmitted: session.questionnaire.status === 'submitted',
    remindersSent: [],
  };
  return {
    ...sessionStart(session, policy, carried),
    taskQueue: config.taskQueue,
    workflowIdReusePolicy: 'REJECT_DUPLICATE' as const,
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
