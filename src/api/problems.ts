import type { ErrorRequestHandler, RequestHandler } from 'express';
import { z } from 'zod';
import type { Logger } from 'pino';

export const PROBLEMS = {
  validation_failed: { status: 400, title: 'The request is malformed' },
  unauthenticated: { status: 401, title: 'No valid bearer token' },
  forbidden: { status: 403, title: 'Your role may not do this' },
  cross_site_request: { status: 403, title: 'The change did not come from the app' },
  rate_limited: { status: 429, title: 'Too many requests' },
  not_found: { status: 404, title: 'No such resource' },
  client_not_found: { status: 404, title: 'No such client' },
  insufficient_credits: { status: 402, title: 'Not enough credits' },
  slot_unavailable: { status: 409, title: 'The slot is not free' },
  invite_expired: { status: 409, title: 'The invite has expired' },
  invite_already_responded: { status: 409, title: 'The invite was already answered' },
  invite_cancelled: { status: 409, title: 'The coach withdrew the invite' },
  reschedule_pending: { status: 409, title: 'A reschedule is already pending' },
  session_not_active: { status: 409, title: 'The session is no longer active' },
  invalid_slot: { status: 422, title: 'The slot is not valid' },
  idempotency_key_reused: {
    status: 422,
    title: 'The Idempotency-Key was used with another request',
  },
  service_unavailable: { status: 503, title: 'A dependency is unavailable' },
  internal_error: { status: 500, title: 'Something went wrong on our side' },
} as const;

export type ProblemCode = keyof typeof PROBLEMS;

export interface FieldError {
  path: string;
  message: string;
}

/** An expected failure a handler throws; the error middleware renders it as problem+json. */
export class ApiError extends Error {
  constructor(
    readonly code: ProblemCode,
    detail?: string,
    readonly errors?: FieldError[],
  ) {
    super(detail ?? PROBLEMS[code].title);
  }

  get status(): number {
    return PROBLEMS[this.code].status;
  }
}

export function zodFieldErrors(error: z.ZodError, location: string): FieldError[] {
  return error.issues.map((issue) => ({
    path: [location, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
}

export function problemBody(code: ProblemCode, detail: string, errors?: FieldError[]) {
  return {
    type: `https://coach-invites.dev/problems/${code.replace(/_/g, '-')}`,
    title: PROBLEMS[code].title,
    status: PROBLEMS[code].status,
    detail,
    code,
    ...(errors ? { errors } : {}),
  };
}

export function sendProblem(
  res: Parameters<RequestHandler>[1],
  code: ProblemCode,
  detail: string,
  errors?: FieldError[],
): void {
  res
    .status(PROBLEMS[code].status)
    .type('application/problem+json')
    .json(problemBody(code, detail, errors));
}

export const notFoundHandler: RequestHandler = (req, res) => {
  sendProblem(res, 'not_found', `No route ${req.method} ${req.path}`);
};

interface HttpError {
  status?: number;
  type?: string;
  expose?: boolean;
}

/** The one place errors become responses: typed errors as problem+json, anything else a bare 500. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    if (error instanceof ApiError) return sendProblem(res, error.code, error.message, error.errors);
    const http = error as HttpError;
    if (
      typeof http?.status === 'number' &&
      http.status >= 400 &&
      http.status < 500 &&
      http.expose !== false
    ) {
      // The router refuses a path parameter that is not percent-encoded UTF-8 with a URIError.
      const path = error instanceof URIError ? 'params' : 'body';
      const detail =
        http.type === 'entity.too.large'
          ? 'The request body is too large.'
          : http.type === 'entity.parse.failed'
            ? 'The request body is not valid JSON.'
            : path === 'params'
              ? 'The request path is not valid percent-encoded UTF-8.'
              : 'The request could not be read.';
      return sendProblem(res, 'validation_failed', detail, [{ path, message: detail }]);
    }
    logger.error({ err: error, method: req.method, path: req.path }, 'unhandled error');
    sendProblem(res, 'internal_error', 'An unexpected error occurred.');
  };
}
