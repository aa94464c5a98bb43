import express, { type Express } from 'express';
import { authenticate } from './auth.js';
import type { ApiDeps } from './deps.js';
import { openApiDocument } from './openapi.js';
import { errorHandler, notFoundHandler } from './problems.js';
import { healthRouter } from './routes/health.js';
import { calendarsRouter } from './routes/calendars.js';
import { apiObservability } from '../observability/api-observability.js';
import { coachClientsRouter } from './routes/coach-clients.js';
import { invitesRouter } from './routes/invites.js';
import { notificationsRouter } from './routes/notifications.js';
import { peopleRouter } from './routes/people.js';
import { questionnairesRouter } from './routes/questionnaires.js';
import { sessionsRouter } from './routes/sessions.js';
import { usersRouter } from './routes/users.js';
import { webhooksRouter } from './routes/webhooks.js';
import { meRouter } from './routes/me.js';
import { questionSetRouter } from './routes/question-set.js';
import { signInRouter, signOutRouter } from './routes/sign-in.js';
import { refuseUnsafeText } from './text.js';
import { webApp } from './web-app.js';

/**
 * The HTTP API, apart from listening: every request's text is checked, and every route but health,
 * the contract and signing in needs a bearer token or the web app's session cookie.
 */
export function createApp(deps: ApiDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.set('trust proxy', deps.config.trustProxy);
  const observability = apiObservability(deps.db);
  app.use(observability.observe);
  app.use(express.json({ limit: '64kb', strict: true }));
  app.use(refuseUnsafeText);

  app.use(healthRouter(deps));
  app.get('/metrics', observability.metrics);
  const document = openApiDocument(deps.config.appUrl);
  app.get('/openapi.json', (_req, res) => {
    res.json(document);
  });

  app.use(webApp());
  app.use(signInRouter(deps));
  app.use(calendarsRouter(deps)); // feeds open by their secret address; the rest authenticate
  app.use(authenticate(deps));
  app.use(signOutRouter(deps));
  app.use(meRouter(deps));
  app.use(questionSetRouter(deps));
  app.use(usersRouter(deps));
  app.use(peopleRouter(deps));
  app.use(coachClientsRouter(deps));
  app.use(invitesRouter(deps));
  app.use(sessionsRouter(deps));
  app.use(questionnairesRouter(deps));
  app.use(notificationsRouter(deps));
  app.use(webhooksRouter(deps));

  app.use(notFoundHandler);
  app.use(errorHandler(deps.logger));
  return app;
}
