import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { sessionWorkflow } from '../../workflows/session.js';
import { sessionStart } from '../../workflows/session-start.js';
import type { SessionPolicy } from '../domain/inputs.js';
import type { SessionView } from '../domain/views.js';

/** Starts a booked session's workflow, `session-<id>`, unless it was started before. */
export type SessionWorkflowStarter = (session: SessionView, policy: SessionPolicy) => Promise<void>;

/**
 * Starts `session-<id>` once, whoever asks first: a retried acceptance, or the API when a message
 * found it missing, meets the one already started; one that has ended is never started again.
 */
export function sessionWorkflowStarter(client: Client, taskQueue: string): SessionWorkflowStarter {
  return async (session, policy) => {
    try {
      await client.workflow.start<typeof sessionWorkflow>('sessionWorkflow', {
        ...sessionStart(session, policy),
        taskQueue,
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
  };
}
