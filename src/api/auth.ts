import type { RequestHandler, Response } from 'express';
import { jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import type { Db } from '../db/client.js';
import { hmacKey } from '../auth/hmac-key.js';
import { isPurposeTokenPayload } from '../auth/purpose-tokens.js';
import { verifySessionToken } from '../auth/session-tokens.js';
import { findUser, findUserWithRole } from '../db/queries/users.js';
import { ROLES, type Caller, type Role } from '../domain/model.js';
import { isSameSiteChange } from './cross-site.js';
import type { ApiDeps } from './deps.js';
import { ApiError } from './problems.js';
import { sessionCookieOf } from './session-cookie.js';

const claimsSchema = z.object({ sub: z.uuid(), role: z.enum(ROLES) });

export async function signToken(
  secret: string,
  caller: Caller,
  expiresIn: string | number = '12h',
): Promise<string> {
  return new SignJWT({ role: caller.role })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(caller.id)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(await hmacKey(secret));
}

/**
 * Signs the caller in by `Authorization: Bearer <HS256 JWT>` (the platform's services and tools;
 * the scheme in any case) or, lacking that header, by the web app's session cookie. A cookie is
 * sent by the browser whatever page asks, so a cookie-authenticated change must come from the
 * app's own origin (403 cross_site_request). Anything else is a 401.
 */
export function authenticate({ config, db, clock }: Pick<ApiDeps, 'config' | 'db' | 'clock'>) {
  const secret = config.authJwtSecret;
  const appOrigin = new URL(config.appUrl).origin;
  const handler: RequestHandler = async (req, res, next) => {
    const header = req.get('authorization');
    const cookie = header === undefined ? sessionCookieOf(req) : undefined;
    if (cookie === undefined) {
      res.locals.caller = await bearerCaller(secret, db, header ?? '');
      return next();
    }
    res.locals.caller = await cookieCaller(secret, db, cookie, clock());
    const origin = req.get('origin');
    const referer = req.get('referer');
    if (!isSameSiteChange({ method: req.method, origin, referer, appOrigin }))
      throw new ApiError('cross_site_request', `Changes are accepted only from ${appOrigin}.`);
    next();
  };
  return handler;
}

/** `sub`, `role` and `exp`; a coach or client token must name a user of that role. */
async function bearerCaller(secret: string, db: Db, header: string): Promise<Caller> {
  const match = /^Bearer +([\w-]+\.[\w-]+\.[\w-]+)$/i.exec(header.trim());
  if (!match?.[1]) throw new ApiError('unauthenticated', 'Sign in, or send a bearer token.');
  let payload;
  try {
    ({ payload } = await jwtVerify(match[1], await hmacKey(secret), {
      algorithms: ['HS256'],
      requiredClaims: ['exp', 'sub'],
    }));
  } catch {
    throw new ApiError('unauthenticated', 'The bearer token is invalid or expired.');
  }
  // A sign-in link's or a browser session's token only ever opens a browser session.
  if (isPurposeTokenPayload(payload))
    throw new ApiError('unauthenticated', 'This token is not an API bearer token.');
  const claims = claimsSchema.safeParse(payload);
  if (!claims.success)
    throw new ApiError('unauthenticated', 'The bearer token lacks a valid sub or role.');
  const { sub: id, role } = claims.data;
  // Operators are the platform's back office and have no user row.
  if (role !== 'operator' && !(await findUserWithRole(db, id, role)))
    throw new ApiError('unauthenticated', `The bearer token names no ${role} account.`);
  return { id, role };
}

/** The browser session's person, whose role is read from their account. */
async function cookieCaller(secret: string, db: Db, token: string, now: Date): Promise<Caller> {
  const check = await verifySessionToken(secret, token, now);
  if (!check.ok) throw new ApiError('unauthenticated', 'The session has ended; sign in again.');
  const user = await findUser(db, check.userId);
  if (!user) throw new ApiError('unauthenticated', 'The session names no account.');
  return { id: user.id, role: user.role };
}

export function callerOf(res: Response): Caller {
  return res.locals.caller as Caller;
}

/** The caller, when their role is one of `roles`; otherwise a 403. */
export function requireRole<R extends Role>(res: Response, ...roles: R[]): Caller & { role: R } {
  const caller = callerOf(res);
  if (!roles.includes(caller.role as R)) {
    throw new ApiError('forbidden', `This action is for ${roles.join(' or ')} accounts.`);
  }
  return caller as Caller & { role: R };
}
