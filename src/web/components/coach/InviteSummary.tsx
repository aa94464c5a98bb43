import type { Invite } from '../../api/model';
import { formatSlot } from '../../lib/time';
import { ClientName } from './ClientName';

/** An invite as the coach's lists name it: what it proposes, to whom, and its slot. */
export function InviteSummary({ invite, timeZone }: { invite: Invite; timeZone: string }) {
  return (
    <>
      <p className="row__title">
        {invite.kind === 'reschedule' ? 'New time for ' : 'Invite to '}
        <ClientName id={invite.clientId} />
      </p>
      <p className="row__meta">{formatSlot(invite.startsAt, invite.endsAt, timeZone)}</p>
    </>
  );
}
