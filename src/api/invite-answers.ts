import type { WorkflowHandle } from '@temporalio/client';
import { getBalance } from '../db/queries/credits.js';
import { findInviteForCaller } from '../db/queries/invites.js';
import { findSessionView } from '../db/queries/sessions.js';
import type { Caller } from '../domain/model.js';
import type { AcceptResult, InviteView } from '../domain/views.js';
import { acceptUpdate, cancelUpdate, declineUpdate } from '../../workflows/messages.js';
import type { ApiDeps } from './deps.js';
import { ApiError, type ProblemCode } from './problems.js';
import { domainFailure, rethrowAsProblem, withinDeadline } from './workflow-failures.js';

const ENDED: Record<Exclude<InviteView['status'], 'pending'>, ProblemCode> = {
  accepted: 'invite_already_responded',
  declined: 'invite_already_responded',
  expired: 'invite_expired',
  cancelled: 'invite_cancelled',
};

/** An invite that is no longer pending refuses answers with the code its ending gives. */
export function refuseEnded(invite: InviteView): void {
  if (invite.status !== 'pending')
    throw new ApiError(ENDED[invite.status], `The invite is ${invite.status}.`);
}

/** The client's acceptance: a repeated accept answers the same session, and charges nothing more. */
export async function acceptInvite(
  deps: ApiDeps,
  invite: InviteView,
  client: Caller,
): Promise<AcceptResult> {
  const stored = await storedAcceptance(deps, invite);
  if (stored) return stored;
  refuseEnded(invite);
  // Refused here, not by the workflow, so that failed accepts add nothing to its history; the
  // workflow still decides when the balance changes in between.
  if ((await getBalance(deps.db, client.id)) < invite.creditCost)
    throw new ApiError('insufficient_credits', 'Too few credits; the invite stays pending.');
  return answer(
    deps,
    invite,
    client,
    (handle) => handle.executeUpdate(acceptUpdate, { args: [{ by: client }] }),
    (latest) => storedAcceptance(deps, latest),
  );
}

export async function declineInvite(
  deps: ApiDeps,
  invite: InviteView,
  client: Caller,
  decline: { reason?: string; rebook?: boolean },
): Promise<InviteView> {
  refuseEnded(invite);
  return answer(deps, invite, client, (handle) =>
    handle.executeUpdate(declineUpdate, {
      args: [{ by: client, reason: decline.reason, rebook: decline.rebook ?? false }],
    }),
  );
}

/** The coach withdraws a pending invite. */
export async function withdrawInvite(
  deps: ApiDeps,
  invite: InviteView,
  coach: Caller,
): Promise<InviteView> {
  refuseEnded(invite);
  return answer(deps, invite, coach, (handle) =>
    handle.executeUpdate(cancelUpdate, { args: [{ by: coach }] }),
  );
}

/** What this client's accept of the invite answered, once it is accepted: asking again repeats it. */
async function storedAcceptance(
  { db }: ApiDeps,
  invite: InviteView,
): Promise<AcceptResult | undefined> {
  const session =
    invite.status === 'accepted' && invite.sessionId
      ? await findSessionView(db, invite.sessionId)
      : undefined;
  return session && { invite, session };
}

/**
 * Sends an answer to the invite's workflow. When that fails other than with a domain failure (the
 * workflow has ended meanwhile, or Temporal did not answer in time), the stored invite decides:
 * `settled` may answer from it, an ended invite is refused, and otherwise the outcome is unknown.
 */
async function answer<T>(
  deps: ApiDeps,
  invite: InviteView,
  caller: Caller,
  send: (handle: WorkflowHandle) => Promise<T>,
  settled: (latest: InviteView) => Promise<T | undefined> = async () => undefined,
): Promise<T> {
  const { db, temporal, logger } = deps;
  try {
    return await withinDeadline(temporal, () =>
      send(temporal.workflow.getHandle(invite.workflowId)),
    );
  } catch (error) {
    if (domainFailure(error)) rethrowAsProblem(error);
    const latest = await findInviteForCaller(db, invite.id, caller);
    const done = latest && (await settled(latest));
    if (done) return done;
    if (latest) refuseEnded(latest);
    logger.error({ err: error, inviteId: invite.id }, 'could not answer the invite');
    throw new ApiError('service_unavailable', 'The invite could not be answered right now.');
  }
}
