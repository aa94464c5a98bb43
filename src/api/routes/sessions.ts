import { Router } from 'express';
import { findSessionView, listSessionsForCaller } from '../../db/queries/invites.js';
import { getQuestionnaire, submitQuestionnaire } from '../../db/queries/questionnaires.js';
import { checkSessionActive } from '../../domain/cancellation.js';
import { checkSlot } from '../../domain/slot.js';
import {
  cancelSessionUpdate,
  questionnaireSubmittedSignal,
  type SessionView,
} from '../../../workflows/messages.js';
import { requireRole, type Caller } from '../auth.js';
import type { ApiDeps } from '../deps.js';
import { ApiError } from '../problems.js';
import {
  cancelSessionBody,
  idParams,
  questionnaireBody,
  rescheduleBody,
  sessionListQuery,
} from '../schemas.js';
import { parse } from '../validate.js';
import { domainFailure, rethrowAsProblem } from '../workflow-failures.js';
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
      const result = await temporal.workflow
        .getHandle(`session-${session.id}`)
        .executeUpdate(cancelSessionUpdate, { args: [{ by: caller, reason: body.reason }] });
      res.json(result);
    } catch (error) {
      if (domainFailure(error)) rethrowAsProblem(error);
      refuseInactive((await findSessionView(db, session.id)) ?? session);
      throw error;
    }
  });

  router.post('/v1/sessions/:id/reschedule', async (req, res) => {
    const coach = requireRole(res, 'coach');
    const session = await ownSession(req.params.id, coach);
    const body = parse(rescheduleBody, req.body, 'body');
    const now = clock();
    refuseInactive(session);
    const slot = checkSlot(body, now);
    if (!slot.ok) throw new ApiError('invalid_slot', slot.detail);
    const input = inviteInput(deps, {
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
    res.status(201).json(await openInvite(deps, input));
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
    // The reminder activity re-reads the questionnaire, so a lost signal costs no wrong email.
    await temporal.workflow
      .getHandle(`session-${session.id}`)
      .signal(questionnaireSubmittedSignal)
      .catch((error: unknown) =>
        logger.warn({ err: error, sessionId: session.id }, 'could not signal the questionnaire'),
      );
    res.json(await getQuestionnaire(db, session.id));
  });

  return router;
}
