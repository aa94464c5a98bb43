import { cancellationTerms, type CancellationTerms } from '../domain/cancellation-terms.js';
import type { Caller } from '../domain/model.js';
import type { SessionView } from '../domain/views.js';
import type { ApiDeps } from './deps.js';

export type SessionAnswer = SessionView & { cancellationTerms: CancellationTerms | null };

/**
 * A session as its caller sees it: with what cancelling now would refund to the caller's side
 * (null for operators, who never cancel, and once the session can no longer be cancelled).
 */
export function withTerms(
  { config, clock }: Pick<ApiDeps, 'config' | 'clock'>,
  caller: Caller,
  session: SessionView,
): SessionAnswer {
  const terms =
    caller.role === 'operator'
      ? null
      : cancellationTerms({
          by: caller.role,
          now: clock(),
          session: { ...session, startsAt: new Date(session.startsAt) },
          windowMs: config.cancellationWindowMs,
        });
  return { ...session, cancellationTerms: terms };
}
