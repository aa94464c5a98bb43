import { parse } from 'cookie';
import type { Request, Response } from 'express';
import { BROWSER_SESSION_MS, SESSION_COOKIE } from '../auth/session-tokens.js';

/** The browser session's token from the request's Cookie header, if any. */
export function sessionCookieOf(req: Request): string | undefined {
  const header = req.get('cookie');
  if (!header) return undefined;
  return parse(header)[SESSION_COOKIE] || undefined;
}

/** HttpOnly (no script reads it), SameSite=Lax, Secure when the app is served over https. */
function cookieOptions(appUrl: string) {
  return {
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: new URL(appUrl).protocol === 'https:',
    path: '/',
  };
}

export function setSessionCookie(res: Response, appUrl: string, token: string): void {
  res.cookie(SESSION_COOKIE, token, { ...cookieOptions(appUrl), maxAge: BROWSER_SESSION_MS });
}

export function clearSessionCookie(res: Response, appUrl: string): void {
  res.clearCookie(SESSION_COOKIE, cookieOptions(appUrl));
}
