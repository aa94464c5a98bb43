import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import { signInLink, verifySignInToken, type LinkTarget } from '../../auth/sign-in-tokens.js';
import { signSessionToken } from '../../auth/session-tokens.js';
import { findPeopleByEmail } from '../../db/queries/profiles.js';
import { findUser } from '../../db/queries/users.js';
import { renderEmail } from '../../email/layout.js';
import { renderSignInMessage } from '../../email/sign-in-message.js';
import type { ApiDeps } from '../deps.js';
import { safeNextPath } from '../next-path.js';
import { ApiError } from '../problems.js';
import { clearSessionCookie, setSessionCookie } from '../session-cookie.js';
import { limitSignInRequests } from '../sign-in-limits.js';
import { emailLinkBody, signInLinkQuery } from '../schemas.js';
import { parse } from '../validate.js';

/** A link asked for on the sign-in page is needed only while the person waits for it. */
export const EMAILED_LINK_MS = 60 * 60_000;

/** The routes a browser signs in and out by; they need no signed-in caller. */
export function signInRouter(deps: ApiDeps): Router {
  const { db, clock, config, logger } = deps;
  const router = Router();

  router.post('/v1/auth/email-link', async (req, res) => {
    const body = parse(emailLinkBody, req.body, 'body');
    const now = clock();
    const limit = await limitSignInRequests(db, { email: body.email, ip: req.ip ?? '', now });
    if (!limit.ok) {
      res.set('Retry-After', String(limit.retryAfterSeconds));
      throw new ApiError('rate_limited', 'Too many sign-in requests; try again later.');
    }
    // Answered before anything is looked up or sent: the same answer, as fast, for every address.
    res.status(202).end();
    const target = {
      path: safeNextPath(body.next, config.appUrl),
      until: new Date(now.getTime() + EMAILED_LINK_MS),
    };
    await emailSignInLinks(deps, body.email, target, now).catch((error: unknown) =>
      logger.warn({ err: error }, 'could not email a sign-in link'),
    );
  });

  router.get('/auth/link', async (req, res) => {
    const query = signInLinkQuery.safeParse(req.query);
    const next = safeNextPath(query.data?.next, config.appUrl);
    // The token must not travel on in a Referer header, nor stay in a cache.
    res.set({ 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' });
    const check = query.data?.token
      ? await verifySignInToken(config.authJwtSecret, query.data.token, clock())
      : ({ ok: false, reason: 'invalid' } as const);
    const user = check.ok ? await findUser(db, check.userId) : undefined;
    if (!check.ok || !user) {
      const reason = check.ok ? 'invalid' : check.reason;
      const search = new URLSearchParams({ error: `${reason}_link`, next });
      return res.redirect(303, `/signin?${search.toString()}`);
    }
    const session = await signSessionToken(config.authJwtSecret, { userId: user.id, now: clock() });
    setSessionCookie(res, config.appUrl, session);
    res.redirect(303, next);
  });

  return router;
}

/** Signing out needs a signed-in caller (and, by cookie, the app's own origin). */
export function signOutRouter({ config }: ApiDeps): Router {
  const router = Router();
  router.post('/v1/auth/signout', (_req, res) => {
    clearSessionCookie(res, config.appUrl);
    res.status(204).end();
  });
  return router;
}

/** One email per coach or client account with this address, each with its own link. */
async function emailSignInLinks(deps: ApiDeps, email: string, target: LinkTarget, now: Date) {
  const { db, config } = deps;
  for (const person of await findPeopleByEmail(db, email)) {
    const message = renderSignInMessage({ person, target, validFor: 'one hour' });
    const rendered = await renderEmail(message, {
      signIn: (linkTarget) =>
        signInLink(config.authJwtSecret, {
          appUrl: config.appUrl,
          userId: person.id,
          now,
          target: linkTarget,
        }),
      booking: () => config.bookingUrl,
    });
    await deps.email.send({
      idempotencyKey: `sign_in:${person.id}:${randomUUID()}`,
      template: 'sign_in',
      recipientId: person.id,
      to: person.email,
      ...rendered,
    });
  }
}
