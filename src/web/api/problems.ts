import type { components } from './schema';

type ProblemBody = components['schemas']['Problem'];

/** What went wrong with a request, as the pages need it: the problem's code and its status. */
export interface Problem {
  status: number;
  code: ProblemBody['code'] | 'network' | 'unknown';
  fields: string[];
  /** For `validation_failed`: what was wrong with each field, by its path (`body.answers.focus`). */
  byPath: Record<string, string>;
  /** For `rate_limited`: the seconds `Retry-After` asks to wait. */
  retryAfter?: number;
}

export type Outcome<T> = { ok: true; data: T } | { ok: false; problem: Problem };

interface Answered<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

function asProblem(error: unknown, response: Response): Problem {
  const body = (typeof error === 'object' && error !== null ? error : {}) as Partial<ProblemBody>;
  const retryAfter = Number(response.headers.get('retry-after') ?? NaN);
  const status = response.status;
  return {
    ...(Number.isFinite(retryAfter) ? { retryAfter } : {}),
    status,
    code: body.code ?? 'unknown',
    fields: [...new Set((body.errors ?? []).map((e) => e.message ?? '').filter(Boolean))],
    byPath: Object.fromEntries((body.errors ?? []).map((e) => [e.path ?? '', e.message ?? ''])),
  };
}

/** Sends the person to sign in, then back to where they are. */
export function signInPath(next: string = location.pathname + location.search): string {
  return `/signin?next=${encodeURIComponent(next)}`;
}

/**
 * Runs one API request and says how it went; never throws. A 401 means the browser session has
 * ended: the person goes to sign in and comes back here afterwards.
 */
export async function run<T>(request: () => Promise<Answered<T>>): Promise<Outcome<T>> {
  try {
    const { data, error, response } = await request();
    if (response.ok) return { ok: true, data: data as T };
    if (response.status === 401 && location.pathname !== '/signin') {
      location.assign(signInPath());
    }
    return { ok: false, problem: asProblem(error, response) };
  } catch {
    return { ok: false, problem: { status: 0, code: 'network', fields: [], byPath: {} } };
  }
}

const SENTENCES: Record<string, string | undefined> = {
  network: 'We could not reach the service. Check your connection and try again.',
  unauthenticated: 'Your sign-in has ended. Please sign in again.',
  forbidden: 'Your account cannot do this.',
  cross_site_request: 'This request was refused because it did not come from this site.',
  rate_limited: 'Too many requests just now. Please wait a minute and try again.',
  not_found: 'We could not find this. It may have been removed, or it belongs to another account.',
  insufficient_credits: 'You do not have enough credits to accept this invite.',
  invite_expired: 'This invite has expired, so it can no longer be answered.',
  invite_already_responded: 'This invite has already been answered.',
  invite_cancelled: 'Your coach withdrew this invite, so it can no longer be answered.',
  session_not_active:
    'This session can no longer be changed: it was cancelled, has finished or has started.',
  service_unavailable: 'The service is busy right now. Please try again in a moment.',
};

/** A plain sentence for a problem, for the person who caused it. */
export function explain(problem: Problem): string {
  // A malformed id in the address (a mistyped or cut-off link) finds nothing, as an unknown one.
  if (Object.keys(problem.byPath).some((path) => path.startsWith('params.'))) {
    return SENTENCES.not_found!;
  }
  if (problem.code === 'rate_limited' && problem.retryAfter) {
    const minutes = Math.max(1, Math.ceil(problem.retryAfter / 60));
    return `Too many requests just now. Please try again in ${minutes === 1 ? 'a minute' : `${minutes} minutes`}.`;
  }
  if (problem.code === 'validation_failed') {
    const fields = problem.fields.length ? `: ${problem.fields.join('; ')}` : '';
    return `Some of what you entered was not accepted${fields}. Please check it and try again.`;
  }
  return (
    SENTENCES[problem.code] ??
    `Something went wrong on our side (error ${problem.status}). Please try again.`
  );
}
