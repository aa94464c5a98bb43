import { WithStartWorkflowOperation } from '@temporalio/client';
import type { Request, Response } from 'express';
import type { InviteInput } from '../domain/inputs.js';
import { inviteExpiresAt, inviteReminderAt } from '../domain/invite-timing.js';
import type { Caller } from '../domain/model.js';
import { checkSlot } from '../domain/slot.js';
import type { InviteView } from '../domain/views.js';
import { inviteWorkflowId } from '../domain/workflow-ids.js';
import {
  ClientIdKey,
  CoachIdKey,
  InviteStatusKey,
  SlotStartKey,
} from '../temporal/search-attributes.js';
import type { inviteWorkflow } from '../../workflows/invite.js';
import { cancelSignal, openInviteUpdate } from '../../workflows/messages.js';
import type { ApiDeps } from './deps.js';
import { createInviteOnce } from './idempotency.js';
import { ApiError } from './problems.js';
import { domainFailure, rethrowAsProblem, withinDeadline } from './workflow-failures.js';

/** What a coach proposes: a new session, or a new time for a booked one. */
export type Proposal = Pick<
  InviteInput,
  'kind' | 'coachId' | 'clientId' | 'sessionId' | 'originalSlot' | 'creditCost' | 'message'
> & { startsAt: Date; endsAt: Date };

/**
 * Answers a coach's proposal with 201 and the pending invite once its slot is held, honouring an
 * `Idempotency-Key`; `refuse` runs its own checks first, at the moment of sending.
 */
export async function proposeInvite(
  deps: ApiDeps,
  http: { req: Request; res: Response; caller: Caller; body: unknown },
  proposal: Proposal,
  refuse: (now: Date) => void | Promise<void> = () => {},
): Promise<void> {
  await createInviteOnce(deps, http, async (inviteId) => {
    const now = deps.clock();
    await refuse(now);
    const slot = checkSlot(proposal, now);
    if (!slot.ok) throw new ApiError('invalid_slot', slot.detail);
    return openInvite(deps, inviteInput(deps, inviteId, proposal, now));
  });
}

/** The invite's input, with its expiry, reminder and session policy fixed at sending. */
export function inviteInput(
  { config }: Pick<ApiDeps, 'config'>,
  inviteId: string,
  proposal: Proposal,
  now: Date,
): InviteInput {
  const { startsAt, endsAt, ...fields } = proposal;
  const expiresAt = inviteExpiresAt({
    sentAt: now,
    ttlMs: config.inviteTtlMs,
    startsAt,
    sessionStartsAt: fields.originalSlot ? new Date(fields.originalSlot.startsAt) : null,
  });
  const reminderAt = inviteReminderAt({
    sentAt: now,
    expiresAt,
    reminderBeforeMs: config.inviteReminderBeforeMs,
  });
  return {
    inviteId,
    ...fields,
    startsAt: startsAt.toISOString(),
    endsAt: endsAt.toISOString(),
    sentAt: now.toISOString(),
    expiresAt: expiresAt.toISOString(),
    reminderAt: reminderAt?.toISOString() ?? null,
    sessionPolicy: {
      cancellationWindowMs: config.cancellationWindowMs,
      questionnaireRemindersMs: config.questionnaireRemindersMs,
    },
    leanFlow: true,
    acceptanceStartsSession: true,
  };
}

/** Starts an invite's workflow and waits, through Update-with-Start, until its slot is held. */
export async function openInvite(deps: ApiDeps, input: InviteInput): Promise<InviteView> {
  const { temporal } = deps;
  const workflowId = inviteWorkflowId(input.inviteId);
  try {
    return await withinDeadline(temporal, () =>
      temporal.workflow.executeUpdateWithStart(openInviteUpdate, {
        startWorkflowOperation: inviteWorkflowStart(deps, input),
      }),
    );
  } catch (error) {
    if (domainFailure(error)) rethrowAsProblem(error);
    deps.logger.error({ err: error, inviteId: input.inviteId }, 'could not open the invite');
    // The coach hears "no": if the workflow did start, withdraw it so no slot stays held.
    await withinDeadline(temporal, () =>
      temporal.workflow.getHandle(workflowId).signal(cancelSignal, { by: { role: 'operator' } }),
    ).catch(() => undefined);
    throw new ApiError(
      'service_unavailable',
      'The invite could not be opened right now; please try again.',
    );
  }
}

/** `invite-<id>` with the search attributes, summary and details operators find it by. */
function inviteWorkflowStart({ config }: Pick<ApiDeps, 'config'>, input: InviteInput) {
  return new WithStartWorkflowOperation<typeof inviteWorkflow>('inviteWorkflow', {
    workflowId: inviteWorkflowId(input.inviteId),
    taskQueue: config.taskQueue,
    args: [input],
    // A retry with the same Idempotency-Key reuses the invite id: it asks the running workflow
    // again, and never starts a second run of a closed one.
    workflowIdConflictPolicy: 'USE_EXISTING',
    workflowIdReusePolicy: 'REJECT_DUPLICATE',
    typedSearchAttributes: [
      // Pending from the start: the workflow upserts only a refusal (`rejected`) and the ending.
      { key: InviteStatusKey, value: 'pending' },
      { key: CoachIdKey, value: input.coachId },
      { key: ClientIdKey, value: input.clientId },
      { key: SlotStartKey, value: new Date(input.startsAt) },
    ],
    staticSummary: `${input.kind === 'reschedule' ? 'Reschedule' : 'Invite'} ${input.startsAt} → ${input.endsAt}`,
    staticDetails: [
      `Coach: ${input.coachId}`,
      `Client: ${input.clientId}`,
      `Slot: ${input.startsAt} – ${input.endsAt}`,
      `Expires: ${input.expiresAt}`,
      input.sessionId ? `Session: ${input.sessionId}` : null,
    ]
      .filter(Boolean)
      .join('\n'),
  });
}
