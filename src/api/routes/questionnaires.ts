import { Router } from 'express';
import { getQuestionnaire, submitQuestionnaire } from '../../db/queries/questionnaires.js';
import { checkAnswers } from '../../domain/answers.js';
import { requireRole } from '../auth.js';
import type { ApiDeps } from '../deps.js';
import { ownSession } from '../owned.js';
import { ApiError } from '../problems.js';
import { questionnaireBody } from '../schemas.js';
import { tellQuestionnaireSubmitted } from '../session-workflow.js';
import { parse } from '../validate.js';

/** A session's pre-session questionnaire: the client answers it, both people read it. */
export function questionnairesRouter(deps: ApiDeps): Router {
  const { db, clock, logger } = deps;
  const router = Router();

  router.get('/v1/sessions/:id/questionnaire', async (req, res) => {
    const session = await ownSession(deps, req, requireRole(res, 'coach', 'client', 'operator'));
    res.json(await getQuestionnaire(db, session.id));
  });

  router.put('/v1/sessions/:id/questionnaire', async (req, res) => {
    const client = requireRole(res, 'client');
    const session = await ownSession(deps, req, client);
    const { answers } = parse(questionnaireBody, req.body, 'body');
    // A session's questions never change after booking, so checking before storing is safe.
    const { questions } = await getQuestionnaire(db, session.id);
    const checked = checkAnswers(questions, answers);
    if (!checked.ok) {
      throw new ApiError(
        'validation_failed',
        'Some answers do not fit their questions.',
        checked.problems.map((problem) => ({
          path: `body.answers.${problem.questionId}`,
          message: problem.message,
        })),
      );
    }
    const stored = await submitQuestionnaire(db, {
      sessionId: session.id,
      clientId: client.id,
      answers: checked.answers,
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
