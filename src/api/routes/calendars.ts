import { Router, type Response } from 'express';
import { authenticate, requireRole } from '../auth.js';
import { feedAddress, feedFor, sessionCalendar } from '../calendars.js';
import type { ApiDeps } from '../deps.js';
import { ownSession } from '../owned.js';

const CALENDAR_TYPE = 'text/calendar; charset=utf-8';

function sendCalendar(res: Response, body: string, filename?: string) {
  res
    .set({
      'content-type': CALENDAR_TYPE,
      // Personal data behind a secret address: never in a shared cache, never sent on as a referrer.
      'cache-control': 'private, no-cache',
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      ...(filename ? { 'content-disposition': `attachment; filename="${filename}"` } : {}),
    })
    .send(body);
}

/**
 * Calendars: each person's private feed (its address is the secret, so it needs no sign-in and is
 * mounted before authentication), the address itself, and one session as a file. The signed-in
 * routes authenticate on their own, as every other `/v1` route does.
 */
export function calendarsRouter(deps: ApiDeps): Router {
  const router = Router();
  const signedIn = authenticate(deps);

  router.get('/calendar/:token.ics', async (req, res) => {
    sendCalendar(res, await feedFor(deps, req.params.token));
  });

  router.get('/v1/calendar', signedIn, async (_req, res) => {
    const caller = requireRole(res, 'coach', 'client');
    res.json({ url: await feedAddress(deps, caller, false) });
  });

  router.post('/v1/calendar/rotate', signedIn, async (_req, res) => {
    const caller = requireRole(res, 'coach', 'client');
    res.json({ url: await feedAddress(deps, caller, true) });
  });

  router.get('/v1/sessions/:id/calendar.ics', signedIn, async (req, res) => {
    const caller = requireRole(res, 'coach', 'client');
    const session = await ownSession(deps, req, caller);
    sendCalendar(res, await sessionCalendar(deps, session.id, caller.role), 'session.ics');
  });

  return router;
}
