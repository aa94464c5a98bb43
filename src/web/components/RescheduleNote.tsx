import type { Invite } from '../api/model';
import { useSession } from '../hooks/useSession';
import { formatSlot } from '../lib/time';

/** A reschedule proposal: which session moves from when to when, and what declining means. */
export function RescheduleNote({ invite, timeZone }: { invite: Invite; timeZone: string }) {
  const [session] = useSession(invite.sessionId);
  const from =
    session.status === 'ready' && session.data
      ? formatSlot(session.data.startsAt, session.data.endsAt, timeZone)
      : 'its current time';
  return (
    <div className="note">
      <p>
        Your coach proposes to move your session from <strong>{from}</strong> to{' '}
        <strong>{formatSlot(invite.startsAt, invite.endsAt, timeZone)}</strong>.
      </p>
      {invite.status === 'pending' && <p>If you decline, the session keeps its original time.</p>}
    </div>
  );
}
