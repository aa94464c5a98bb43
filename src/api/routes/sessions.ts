import { Router } from 'express';
import { findSessionView, listSessionsForCaller } from '../../db/queries/sessions.js';
import { getQuestionnaire, submitQuestionnaire } from '../../db/queries/questionnaires.js';
import { checkSessionActive } from '../../domain/cancellation.js';
import { checkSlot } from '../../domain/slot.js';
import type { SessionView } from '../../domain/views.js';
import { requireRole, type Caller } from '../auth.js';
import type { ApiDeps } from '../deps.js';
import { createInviteOnce } from '../idempotency.js';
import { ApiError } from '../problems.js';
import {
  cancelSessionBody,
  idParams,
  questionnaireBody,
  rescheduleBody,
  sessionListQuery,
} from '../schemas.js';
import { cancelThroughWorkflow, tellQuestionnaireSubmitted } from '../session-workflow.js';
import { parse } from '../validate.js';
import { domainFailure, rethrowAsProblem, withinDeadline } from '../workflow-failures.js';
import { inviteInput, openInvite } from './invites.js';

export function sessionsRouter(deps: ApiDeps): Router {
  const { db, temporal, clock, logger } = deps;
  const router = Router();

  const ownSession = async (id: unknown, caller: Caller) => {
    const session = await findSessionView(db, parse(idParams, { id }, 'params').id, caller);
    if (!session) throw new ApiError('not_found', 'No such session.');
    return session;
  };
  const refuseInactive = (session: SessionView) => {
    if (
      !checkSessionActive({ status: session.status, startsAt: new Date(session.startsAt) }, clock())
        .ok
    ) {
      throw new ApiError(
        'session_not_active',
        `The session is ${session.status === 'booked' ? 'under way' : session.status}.`,
      );
    }
  };

  router.get('/v1/sessions', async (req, res) => {
    const caller = requireRole(res, 'coach', 'client');
    const { status } = parse(sessionListQuery, req.query, 'query');
    res.json({ items: await listSessionsForCaller(db, caller, status) });
  });

  router.get('/v1/sessions/:id', async (req, res) => {
    res.json(await ownSession(req.params.id, requireRole(res, 'coach', 'client', 'operator')));
  });

  router.post('/v1/sessions/:id/cancel', async (req, res) => {
    const caller = requireRole(res, 'coach', 'client');
    const session = await ownSession(req.params.id, caller);
    const body = parse(cancelSessionBody, req.body, 'body');
    refuseInactive(session);
    try {
      const command = { by: caller, reason: body.reason };
      res.json(await withinDeadline(temporal, () => cancelThroughWorkflow(deps, session, command)));
    } catch (error) {
      if (domainFailure(error)) rethrowAsProblem(error);
      refuseInactive((await findSessionView(db, session.id)) ?? session);
      logger.error({ err: error, sessionId: session.id }, 'could not cancel the session');
      throw new ApiError('service_unavailable', 'The session could not be cancelled right now.');
    }
  });

  router.post('/v1/sessions/:id/reschedule', async (req, res) => {
    const coach = requireRole(res, 'coach');
    const session = await ownSession(req.params.id, coach);
    const body = parse(rescheduleBody, req.body, 'body');
    await createInviteOnce(deps, { req, res, caller: coach, body }, async (inviteId) => {
      const now = clock();
      refuseInactive(session);
      const slot = checkSlot(body, now);
      if (!slot.ok) throw new ApiError('invalid_slot', slot.detail);
      const input = inviteInput(deps, {
        inviteId,
        kind: 'reschedule',
        coachId: coach.id,
        clientId: session.clientId,
        sessionId: session.id,
        originalSlot: { startsAt: session.startsAt, endsAt: session.endsAt },
        creditCost: 0,
        message: body.message ?? null,
        startsAt: body.startsAt,
        endsAt: body.endsAt,
        now,
      });
      return openInvite(deps, input);
    });
  });

  router.get('/v1/sessions/:id/questionnaire', async (req, res) => {
    const session = await ownSession(
      req.params.id,
      requireRole(res, 'coach', 'client', 'operator'),
    );
    res.json(await getQuestionnaire(db, session.id));
  });

  router.put('/v1/sessions/:id/questionnaire', async (req, res) => {
    const client = requireRole(res, 'client');
    const session = await ownSession(req.params.id, client);
    const { answers } = parse(questionnaireBody, req.body, 'body');
    const stored = await submitQuestionnaire(db, {
      sessionId: session.id,
      clientId: client.id,
      answers,
      now: clock(),
    });
    if (!stored.ok)
      throw new ApiError(
        'session_not_active',
        'The questionnaire can be answered until the session starts.',
      );
    // Only the first submission tells the workflow, so saving again adds nothing to its history.
    // The reminder activity re-reads the questionnaire, so a lost signal costs no wrong email.
    if (stored.firstSubmission) {
      await tellQuestionnaireSubmitted(deps, session).catch((error: unknown) =>
        logger.warn({ err: error, sessionId: session.id }, 'could not signal the questionnaire'),
      );
    }
    res.json(await getQuestionnaire(db, session.id));
  });

  return router;
}
