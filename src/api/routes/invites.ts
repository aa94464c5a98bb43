import { Router } from 'express';
import { WithStartWorkflowOperation, type WorkflowHandle } from '@temporalio/client';
import { checkSlot } from '../../domain/slot.js';
import { inviteExpiresAt, inviteReminderAt } from '../../domain/invite-timing.js';
import { getBalance } from '../../db/queries/credits.js';
import { findInviteForCaller, listInvitesForCaller } from '../../db/queries/invites.js';
import { findSessionView } from '../../db/queries/sessions.js';
import { findUserWithRole } from '../../db/queries/users.js';
import {
  ClientIdKey,
  CoachIdKey,
  InviteStatusKey,
  SlotStartKey,
} from '../../temporal/search-attributes.js';
import type { inviteWorkflow } from '../../../workflows/invite.js';
import {
  acceptUpdate,
  cancelSignal,
  cancelUpdate,
  declineUpdate,
  openInviteUpdate,
} from '../../../workflows/messages.js';
import type { InviteInput } from '../../domain/inputs.js';
import type { AcceptResult, InviteView } from '../../domain/views.js';
import { requireRole, type Caller } from '../auth.js';
import type { ApiDeps } from '../deps.js';
import { createInviteOnce } from '../idempotency.js';
import { ApiError, type ProblemCode } from '../problems.js';
import {
  acceptBody,
  cancelInviteBody,
  createInviteBody,
  declineBody,
  idParams,
  inviteListQuery,
} from '../schemas.js';
import { parse } from '../validate.js';
import { domainFailure, rethrowAsProblem, withinDeadline } from '../workflow-failures.js';

const ENDED: Record<Exclude<InviteView['status'], 'pending'>, ProblemCode> = {
  accepted: 'invite_already_responded',
  declined: 'invite_already_responded',
  expired: 'invite_expired',
  cancelled: 'invite_cancelled',
};

/** Starts an invite's workflow and waits, through Update-with-Start, until its slot is held. */
export async function openInvite(deps: ApiDeps, input: InviteInput): Promise<InviteView> {
  const { temporal, config } = deps;
  const startWorkflowOperation = new WithStartWorkflowOperation<typeof inviteWorkflow>(
    'inviteWorkflow',
    {
      workflowId: `invite-${input.inviteId}`,
      taskQueue: config.taskQueue,
      args: [input],
      // A retry with the same Idempotency-Key reuses the invite id: it asks the running workflow
      // again, and never starts a second run of a closed one.
      workflowIdConflictPolicy: 'USE_EXISTING',
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      typedSearchAttributes: [
        { key: InviteStatusKey, value: 'opening' },
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
    },
  );
  try {
    return await withinDeadline(temporal, () =>
      temporal.workflow.executeUpdateWithStart(openInviteUpdate, { startWorkflowOperation }),
    );
  } catch (error) {
    if (domainFailure(error)) rethrowAsProblem(error);
    deps.logger.error({ err: error, inviteId: input.inviteId }, 'could not open the invite');
    // The coach hears "no": if the workflow did start, withdraw it so no slot stays held.
    await withinDeadline(temporal, () =>
      temporal.workflow
        .getHandle(`invite-${input.inviteId}`)
        .signal(cancelSignal, { by: { role: 'operator' } }),
    ).catch(() => undefined);
    throw new ApiError(
      'service_unavailable',
      'The invite could not be opened right now; please try again.',
    );
  }
}

/** The invite's input for a slot the API has already validated. */
export function inviteInput(
  deps: ApiDeps,
  fields: Pick<
    InviteInput,
    | 'inviteId'
    | 'kind'
    | 'coachId'
    | 'clientId'
    | 'sessionId'
    | 'originalSlot'
    | 'creditCost'
    | 'message'
  > & {
    startsAt: Date;
    endsAt: Date;
    now: Date;
  },
): InviteInput {
  const { config } = deps;
  const expiresAt = inviteExpiresAt({
    sentAt: fields.now,
    ttlMs: config.inviteTtlMs,
    startsAt: fields.startsAt,
    sessionStartsAt: fields.originalSlot ? new Date(fields.originalSlot.startsAt) : null,
  });
  const reminderAt = inviteReminderAt({
    sentAt: fields.now,
    expiresAt,
    reminderBeforeMs: config.inviteReminderBeforeMs,
  });
  return {
    inviteId: fields.inviteId,
    kind: fields.kind,
    coachId: fields.coachId,
    clientId: fields.clientId,
    sessionId: fields.sessionId,
    originalSlot: fields.originalSlot,
    startsAt: fields.startsAt.toISOString(),
    endsAt: fields.endsAt.toISOString(),
    creditCost: fields.creditCost,
    message: fields.message,
    sentAt: fields.now.toISOString(),
    expiresAt: expiresAt.toISOString(),
    reminderAt: reminderAt?.toISOString() ?? null,
    sessionPolicy: {
      cancellationWindowMs: config.cancellationWindowMs,
      questionnaireRemindersMs: config.questionnaireRemindersMs,
    },
  };
}

export function invitesRouter(deps: ApiDeps): Router {
  const { db, temporal, config, clock } = deps;
  const router = Router();

  const ownInvite = async (id: unknown, caller: Caller) => {
    const invite = await findInviteForCaller(db, parse(idParams, { id }, 'params').id, caller);
    if (!invite) throw new ApiError('not_found', 'No such invite.');
    return invite;
  };
  const handle = (invite: InviteView): WorkflowHandle =>
    temporal.workflow.getHandle(invite.workflowId);
  const refuseEnded = (invite: InviteView) => {
    if (invite.status !== 'pending')
      throw new ApiError(ENDED[invite.status], `The invite is ${invite.status}.`);
  };
  /** What this client's accept of the invite answered, once it is accepted: asking again repeats it. */
  const storedAcceptance = async (invite: InviteView): Promise<AcceptResult | undefined> => {
    const session =
      invite.status === 'accepted' && invite.sessionId
        ? await findSessionView(db, invite.sessionId)
        : undefined;
    return session && { invite, session };
  };
  /**
   * Sends an answer to the workflow. When that fails other than with a domain failure (the workflow
   * has ended meanwhile, or Temporal did not answer in time), the stored invite decides: `settled`
   * may answer from it, an ended invite is refused, and otherwise the outcome is unknown: 503.
   */
  const answer = async <T>(
    invite: InviteView,
    caller: Caller,
    send: () => Promise<T>,
    settled: (latest: InviteView) => Promise<T | undefined> = async () => undefined,
  ): Promise<T> => {
    try {
      return await withinDeadline(temporal, send);
    } catch (error) {
      if (domainFailure(error)) rethrowAsProblem(error);
      const latest = await findInviteForCaller(db, invite.id, caller);
      const done = latest && (await settled(latest));
      if (done) return done;
      if (latest) refuseEnded(latest);
      deps.logger.error({ err: error, inviteId: invite.id }, 'could not answer the invite');
      throw new ApiError('service_unavailable', 'The invite could not be answered right now.');
    }
  };
  const questionnaireNext = (sessionId: string) => ({
    type: 'questionnaire' as const,
    url: `${config.appUrl}/sessions/${sessionId}/questionnaire`,
  });
  const acceptNow = async (invite: InviteView, client: Caller) => {
    refuseEnded(invite);
    // Refused here, not by the workflow, so that failed accepts add nothing to its history; the
    // workflow still decides when the balance changes in between.
    if ((await getBalance(db, client.id)) < invite.creditCost)
      throw new ApiError('insufficient_credits', 'Too few credits; the invite stays pending.');
    return answer(
      invite,
      client,
      () => handle(invite).executeUpdate(acceptUpdate, { args: [{ by: client }] }),
      storedAcceptance,
    );
  };

  router.post('/v1/invites', async (req, res) => {
    const coach = requireRole(res, 'coach');
    const body = parse(createInviteBody, req.body, 'body');
    await createInviteOnce(deps, { req, res, caller: coach, body }, async (inviteId) => {
      const now = clock();
      const slot = checkSlot(body, now);
      if (!slot.ok) throw new ApiError('invalid_slot', slot.detail);
      if (!(await findUserWithRole(db, body.clientId, 'client')))
        throw new ApiError('client_not_found', 'No client has this id.');
      const input = inviteInput(deps, {
        inviteId,
        kind: 'new',
        coachId: coach.id,
        clientId: body.clientId,
        sessionId: null,
        originalSlot: null,
        creditCost: config.sessionCreditCost,
        message: body.message ?? null,
        startsAt: body.startsAt,
        endsAt: body.endsAt,
        now,
      });
      return openInvite(deps, input);
    });
  });

  router.get('/v1/invites', async (req, res) => {
    const caller = requireRole(res, 'coach', 'client');
    const { status } = parse(inviteListQuery, req.query, 'query');
    res.json({ items: await listInvitesForCaller(db, caller, status) });
  });

  router.get('/v1/invites/:id', async (req, res) => {
    res.json(await ownInvite(req.params.id, requireRole(res, 'coach', 'client', 'operator')));
  });

  router.post('/v1/invites/:id/accept', async (req, res) => {
    const client = requireRole(res, 'client');
    const invite = await ownInvite(req.params.id, client);
    parse(acceptBody, req.body, 'body');
    const result = (await storedAcceptance(invite)) ?? (await acceptNow(invite, client));
    res.json({ ...result, next: questionnaireNext(result.session.id) });
  });

  router.post('/v1/invites/:id/decline', async (req, res) => {
    const client = requireRole(res, 'client');
    const invite = await ownInvite(req.params.id, client);
    const body = parse(declineBody, req.body, 'body');
    refuseEnded(invite);
    const declined = await answer(invite, client, () =>
      handle(invite).executeUpdate(declineUpdate, {
        args: [{ by: client, reason: body.reason, rebook: body.rebook ?? false }],
      }),
    );
    const next = body.rebook
      ? { type: 'rebook' as const, url: `${config.appUrl}/book?coachId=${invite.coachId}` }
      : null;
    res.json({ invite: declined, next });
  });

  router.post('/v1/invites/:id/cancel', async (req, res) => {
    const coach = requireRole(res, 'coach');
    const invite = await ownInvite(req.params.id, coach);
    parse(cancelInviteBody, req.body, 'body');
    refuseEnded(invite);
    const cancelled = await answer(invite, coach, () =>
      handle(invite).executeUpdate(cancelUpdate, { args: [{ by: coach }] }),
    );
    res.json({ invite: cancelled });
  });

  return router;
}
