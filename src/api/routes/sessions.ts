import { Router } from 'express';
import { listSessionsForCaller } from '../../db/queries/sessions.js';
import { requireRole } from '../auth.js';
import type { ApiDeps } from '../deps.js';
import { proposeInvite } from '../open-invite.js';
import { pageAnswer, pageRequest } from '../paging.js';
import { ownSession } from '../owned.js';
import { cancelSessionBody, rescheduleBody, sessionListQuery } from '../schemas.js';
import { cancelSession, refuseInactive } from '../session-workflow.js';
import { withTerms } from '../session-terms.js';
import { parse } from '../validate.js';

/** Booked sessions: both people read and cancel them, the coach proposes new times. */
export function sessionsRouter(deps: ApiDeps): Router {
  const { db } = deps;
  const router = Router();

  router.get('/v1/sessions', async (req, res) => {
    const caller = requireRole(res, 'coach', 'client');
    const query = parse(sessionListQuery, req.query, 'query');
    const filter = { status: query.status, ...pageRequest(query) };
    const page = await listSessionsForCaller(db, caller, filter);
    const items = page.items.map((session) => withTerms(deps, caller, session));
    res.json(pageAnswer({ ...page, items }));
  });

  router.get('/v1/sessions/:id', async (req, res) => {
    const caller = requireRole(res, 'coach', 'client', 'operator');
    res.json(withTerms(deps, caller, await ownSession(deps, req, caller)));
  });

  router.post('/v1/sessions/:id/cancel', async (req, res) => {
    const caller = requireRole(res, 'coach', 'client');
    const session = await ownSession(deps, req, caller);
    const body = parse(cancelSessionBody, req.body, 'body');
    const cancelled = await cancelSession(deps, session, { by: caller, reason: body.reason });
    res.json({ ...cancelled, session: withTerms(deps, caller, cancelled.session) });
  });

  router.post('/v1/sessions/:id/reschedule', async (req, res) => {
    const coach = requireRole(res, 'coach');
    const session = await ownSession(deps, req, coach);
    const body = parse(rescheduleBody, req.body, 'body');
    const proposal = {
      kind: 'reschedule' as const,
      coachId: coach.id,
      clientId: session.clientId,
      sessionId: session.id,
      originalSlot: { startsAt: session.startsAt, endsAt: session.endsAt },
      creditCost: 0,
      message: body.message ?? null,
      startsAt: body.startsAt,
      endsAt: body.endsAt,
    };
    await proposeInvite(deps, { req, res, caller: coach, body }, proposal, (now) =>
      refuseInactive(session, now),
    );
  });

  return router;
}
