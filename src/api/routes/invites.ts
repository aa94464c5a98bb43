import { Router } from 'express';
import { listInvitesForCaller } from '../../db/queries/invites.js';
import { isClientOf } from '../../db/queries/coach-clients.js';
import { bookingUrlFor } from '../../domain/booking-url.js';
import { requireRole } from '../auth.js';
import type { ApiDeps } from '../deps.js';
import { acceptInvite, declineInvite, withdrawInvite } from '../invite-answers.js';
import { proposeInvite } from '../open-invite.js';
import { pageAnswer, pageRequest } from '../paging.js';
import { ownInvite } from '../owned.js';
import { ApiError } from '../problems.js';
import {
  acceptBody,
  cancelInviteBody,
  createInviteBody,
  declineBody,
  inviteListQuery,
} from '../schemas.js';
import { withTerms } from '../session-terms.js';
import { parse } from '../validate.js';

/** Invites: coaches send and withdraw them, clients accept or decline them. */
export function invitesRouter(deps: ApiDeps): Router {
  const { db, config } = deps;
  const router = Router();

  router.post('/v1/invites', async (req, res) => {
    const coach = requireRole(res, 'coach');
    const body = parse(createInviteBody, req.body, 'body');
    const proposal = {
      kind: 'new' as const,
      coachId: coach.id,
      clientId: body.clientId,
      sessionId: null,
      originalSlot: null,
      creditCost: config.sessionCreditCost,
      message: body.message ?? null,
      startsAt: body.startsAt,
      endsAt: body.endsAt,
    };
    await proposeInvite(deps, { req, res, caller: coach, body }, proposal, async () => {
      // A coach invites only their own clients; anyone else reads as unknown.
      if (!(await isClientOf(db, coach.id, body.clientId)))
        throw new ApiError('client_not_found', 'You have no client with this id.');
    });
  });

  router.get('/v1/invites', async (req, res) => {
    const caller = requireRole(res, 'coach', 'client');
    const query = parse(inviteListQuery, req.query, 'query');
    const page = await listInvitesForCaller(db, caller, {
      status: query.status,
      ...pageRequest(query),
    });
    res.json(pageAnswer(page));
  });

  router.get('/v1/invites/:id', async (req, res) => {
    res.json(await ownInvite(deps, req, requireRole(res, 'coach', 'client', 'operator')));
  });

  router.post('/v1/invites/:id/accept', async (req, res) => {
    const client = requireRole(res, 'client');
    const invite = await ownInvite(deps, req, client);
    parse(acceptBody, req.body, 'body');
    const accepted = await acceptInvite(deps, invite, client);
    const url = `${config.appUrl}/sessions/${accepted.session.id}/questionnaire`;
    const session = withTerms(deps, client, accepted.session);
    res.json({ invite: accepted.invite, session, next: { type: 'questionnaire', url } });
  });

  router.post('/v1/invites/:id/decline', async (req, res) => {
    const client = requireRole(res, 'client');
    const invite = await ownInvite(deps, req, client);
    const body = parse(declineBody, req.body, 'body');
    const declined = await declineInvite(deps, invite, client, body);
    const url = bookingUrlFor(config.bookingUrl, invite.coachId);
    res.json({ invite: declined, next: body.rebook ? { type: 'rebook', url } : null });
  });

  router.post('/v1/invites/:id/cancel', async (req, res) => {
    const coach = requireRole(res, 'coach');
    const invite = await ownInvite(deps, req, coach);
    parse(cancelInviteBody, req.body, 'body');
    res.json({ invite: await withdrawInvite(deps, invite, coach) });
  });

  return router;
}
