import type { Session } from '../api/model';
import { credits, formatMoment } from '../lib/time';

/** Who cancelled, as the reader says it: "you", or the other person. */
const WHO = {
  coach: { coach: 'you', client: 'the client' },
  client: { client: 'you', coach: 'your coach' },
} as const;

/** A cancelled session's fact row: by whom, when in the reader's zone, and the refund. */
export function CancelledFact({
  cancellation,
  reader,
  timeZone,
}: {
  cancellation: NonNullable<Session['cancellation']>;
  reader: 'coach' | 'client';
  timeZone: string;
}) {
  return (
    <div>
      <dt>Cancelled</dt>
      <dd>
        By {WHO[reader][cancellation.by]} on {formatMoment(cancellation.at, timeZone)};{' '}
        {credits(cancellation.refundedCredits)} refunded.
      </dd>
    </div>
  );
}
