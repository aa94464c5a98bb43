import { Router } from 'express';
import { currentQuestions, replaceQuestions } from '../../db/queries/question-sets.js';
import { requireRole } from '../auth.js';
import type { ApiDeps } from '../deps.js';
import { questionSetBody } from '../question-schemas.js';
import { parse } from '../validate.js';

/** The questions new sessions get: operators read and replace them. */
export function questionSetRouter({ db, clock }: ApiDeps): Router {
  const router = Router();

  router.get('/v1/questionnaire', async (_req, res) => {
    requireRole(res, 'operator');
    res.json({ questions: await currentQuestions(db) });
  });

  router.put('/v1/questionnaire', async (req, res) => {
    requireRole(res, 'operator');
    const { questions } = parse(questionSetBody, req.body, 'body');
    await replaceQuestions(db, questions, clock());
    res.json({ questions: await currentQuestions(db) });
  });

  return router;
}
