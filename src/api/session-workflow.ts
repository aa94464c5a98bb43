import { WithStartWorkflowOperation } from '@temporalio/client';
import type { sessionWorkflow } from '../../workflows/session.js';
import { sessionStart } from '../../workflows/session-start.js';
import {
  cancelSessionUpdate,
  questionnaireSubmittedSignal,
  type CancelSessionCommand,
  type CancelSessionResult,
} from '../../workflows/messages.js';
import { findSessionView } from '../db/queries/sessions.js';
import { isSessionActive } from '../domain/cancellation.js';
import { ApiError } from './problems.js';
import { domainFailure, rethrowAsProblem, withinDeadline } from './workflow-failures.js';
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
/** A session that has started, ended or was cancelled refuses changes. */
export function refuseInactive(session: SessionView, now: Date): void {
  if (!isSessionActive({ status: session.status, startsAt: new Date(session.startsAt) }, now)) {
    throw new ApiError(
      'session_not_active',
      `The session is ${session.status === 'booked' ? 'under way' : session.status}.`,
    );
  }
}

/**
 * Cancels through the session's workflow, starting it first if it has none. When that fails other
 * than with a domain failure, the stored session decides: an inactive one is refused, otherwise
 * the outcome is unknown.
 */
export async function cancelSession(
  deps: ApiDeps,
  session: SessionView,
  command: CancelSessionCommand,
): Promise<CancelSessionResult> {
  const { db, temporal, clock, logger } = deps;
  refuseInactive(session, clock());
  try {
    return await withinDeadline(temporal, () =>
      temporal.workflow.executeUpdateWithStart(cancelSessionUpdate, {
        args: [command],
        startWorkflowOperation: new WithStartWorkflowOperation<typeof sessionWorkflow>(
          'sessionWorkflow',
          { ...startOptions(deps, session), workflowIdConflictPolicy: 'USE_EXISTING' },
        ),
      }),
    );
  } catch (error) {
    if (domainFailure(error)) rethrowAsProblem(error);
    refuseInactive((await findSessionView(db, session.id)) ?? session, clock());
    logger.error({ err: error, sessionId: session.id }, 'could not cancel the session');
    throw new ApiError('service_unavailable', 'The session could not be cancelled right now.');
  }
}

/** Stops the questionnaire reminders, starting the session's workflow first if it has none. */
export async function tellQuestionnaireSubmitted(deps: Deps, session: SessionView) {
  await deps.temporal.workflow.signalWithStart<typeof sessionWorkflow, []>('sessionWorkflow', {
    ...startOptions(deps, session),
    signal: questionnaireSubmittedSignal,
  });
}
