import type { RequestHandler, Response } from 'express';
import { jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import type { Db } from '../db/client.js';
import { findUserWithRole } from '../db/queries/users.js';
import { ROLES, type Caller, type Role } from '../domain/model.js';
import { ApiError } from './problems.js';

const claimsSchema = z.object({ sub: z.uuid(), role: z.enum(ROLES) });

const keyOf = (secret: string) => new TextEncoder().encode(secret);

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
    .sign(keyOf(secret));
}

/**
 * Verifies `Authorization: Bearer <HS256 JWT>` (the scheme in any case) with `sub`, `role` and
 * `exp`; a coach or client token must name a user of that role. Anything else is a 401.
 */
export function authenticate(secret: string, db: Db): RequestHandler {
  const key = keyOf(secret);
  return async (req, res, next) => {
    const header = req.get('authorization') ?? '';
    const match = /^Bearer +([\w-]+\.[\w-]+\.[\w-]+)$/i.exec(header.trim());
    if (!match?.[1]) throw new ApiError('unauthenticated', 'A bearer token is required.');
    let payload;
    try {
      ({ payload } = await jwtVerify(match[1], key, {
        algorithms: ['HS256'],
        requiredClaims: ['exp', 'sub'],
      }));
    } catch {
      throw new ApiError('unauthenticated', 'The bearer token is invalid or expired.');
    }
    const claims = claimsSchema.safeParse(payload);
    if (!claims.success)
      throw new ApiError('unauthenticated', 'The bearer token lacks a valid sub or role.');
    const { sub: id, role } = claims.data;
    // Operators are the platform's back office and have no user row.
    if (role !== 'operator' && !(await findUserWithRole(db, id, role)))
      throw new ApiError('unauthenticated', `The bearer token names no ${role} account.`);
    res.locals.caller = { id, role } satisfies Caller;
    next();
  };
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
