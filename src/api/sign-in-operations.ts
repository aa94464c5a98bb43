import type { Operation } from './operations.js';
import { questionSetBody } from './question-schemas.js';
import * as schemas from './schemas.js';

const common = ['validation_failed', 'unauthenticated'] as const;

/** Signing in and out, the signed-in person, and the questions new sessions get. */
export const SIGN_IN_OPERATIONS: Operation[] = [
  {
    method: 'post',
    path: '/v1/auth/email-link',
    summary: 'Email a sign-in link when the address is known; the answer is the same either way',
    roles: 'anyone (at most 5 a quarter-hour per address, 20 per IP)',
    body: schemas.emailLinkBody,
    success: 202,
    errors: ['validation_failed', 'rate_limited'],
    public: true,
  },
  {
    method: 'get',
    path: '/auth/link',
    summary:
      'Open a sign-in link: sets the session cookie and answers 303 to `next`; a bad or expired ' +
      'token answers 303 to /signin?error=invalid_link|expired_link&next=...',
    roles: 'the link’s recipient',
    query: schemas.signInLinkQuery,
    success: 303,
    errors: [],
    public: true,
  },
  {
    method: 'post',
    path: '/v1/auth/signout',
    summary: 'Sign the browser out: the session cookie is cleared',
    roles: 'anyone signed in',
    success: 204,
    errors: ['unauthenticated', 'cross_site_request'],
  },
  {
    method: 'get',
    path: '/v1/me',
    summary: 'The signed-in coach or client, with a client’s balance',
    roles: 'coach, client',
    success: 200,
    errors: [...common, 'forbidden'],
  },
  {
    method: 'get',
    path: '/v1/questionnaire',
    summary: 'The questions new sessions get',
    roles: 'operator',
    success: 200,
    errors: [...common, 'forbidden'],
  },
  {
    method: 'put',
    path: '/v1/questionnaire',
    summary: 'Replace the questions new sessions get; booked sessions keep theirs',
    roles: 'operator',
    body: questionSetBody,
    success: 200,
    errors: [...common, 'forbidden'],
  },
];
