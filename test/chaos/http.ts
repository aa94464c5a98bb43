import { sleep } from './random.js';

export interface Answer<T = any> {
  /** The final HTTP status, or 0 when every attempt failed without one. */
  status: number;
  body: T;
  attempts: number;
  /** When the first attempt went out: the moment the caller acted. */
  sentAt: number;
}

/** What the run's HTTP calls met on the way: every attempt's status, and calls given up. */
export class HttpStats {
  readonly statuses = new Map<string, number>();
  retried = 0;
  gaveUp = 0;

  count(status: number | 'network' | 'timeout' | 'dropped') {
    const key = String(status);
    this.statuses.set(key, (this.statuses.get(key) ?? 0) + 1);
  }
}

const ATTEMPT_TIMEOUT_MS = 20_000;
const CALL_DEADLINE_MS = 75_000;

const retryable = (status: number) => status >= 500;

export interface CallOptions {
  idempotencyKey?: string;
  /** Gives up on the first attempt's answer this soon, as a dropped connection would. */
  dropFirstAnswerAfterMs?: number;
}

/**
 * A client of the API as a careful frontend is one: each attempt times out, and a network error,
 * a timeout or a 5xx is retried with backoff until a deadline, the same Idempotency-Key on every
 * attempt of a create.
 */
export function apiClient(baseUrl: string, token: string, stats: HttpStats, stop: AbortSignal) {
  const call = async <T = any>(
    method: string,
    path: string,
    body?: unknown,
    options: CallOptions = {},
  ): Promise<Answer<T>> => {
    const sentAt = Date.now();
    const deadline = sentAt + CALL_DEADLINE_MS;
    for (let attempt = 1; ; attempt++) {
      let status: number | 'network' | 'timeout' | 'dropped';
      let parsed: unknown = null;
      try {
        const response = await fetch(`${baseUrl}${path}`, {
          method,
          headers: {
            authorization: `Bearer ${token}`,
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
            ...(options.idempotencyKey ? { 'idempotency-key': options.idempotencyKey } : {}),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.any([
            stop,
            AbortSignal.timeout(
              attempt === 1 && options.dropFirstAnswerAfterMs !== undefined
                ? options.dropFirstAnswerAfterMs
                : ATTEMPT_TIMEOUT_MS,
            ),
          ]),
        });
        status = response.status;
        const text = await response.text();
        try {
          parsed = text ? JSON.parse(text) : null;
        } catch {
          parsed = text;
        }
      } catch (error) {
        const dropped = attempt === 1 && options.dropFirstAnswerAfterMs !== undefined;
        status = dropped
          ? 'dropped'
          : (error as Error).name === 'TimeoutError'
            ? 'timeout'
            : 'network';
      }
      stats.count(status);
      if (typeof status === 'number' && !retryable(status))
        return { status, body: parsed as T, attempts: attempt, sentAt };
      if (stop.aborted || Date.now() + 500 > deadline) {
        stats.gaveUp++;
        return {
          status: typeof status === 'number' ? status : 0,
          body: parsed as T,
          attempts: attempt,
          sentAt,
        };
      }
      stats.retried++;
      await sleep(Math.min(4_000, 250 * 2 ** Math.min(attempt, 6)), stop);
    }
  };
  return {
    get: <T = any>(path: string) => call<T>('GET', path),
    post: <T = any>(path: string, body: unknown = {}, options?: CallOptions) =>
      call<T>('POST', path, body, options),
    put: <T = any>(path: string, body: unknown) => call<T>('PUT', path, body),
  };
}

export type ApiClient = ReturnType<typeof apiClient>;
