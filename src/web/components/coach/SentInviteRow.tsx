import type { Invite } from '../../api/model';
import { formatSlot } from '../../lib/time';
import { ClientName } from './ClientName';
import { CoachStatus } from './CoachStatus';

/** An invite the coach sent, with its status. */
export function SentInviteRow({ invite, timeZone }: { invite: Invite; timeZone: string }) {
  return (
    <li className="row">
      <div>
        <p className="row__title">
          {invite.kind === 'reschedule' ? 'New time for ' : 'Invite to '}
          <ClientName id={invite.clientId} />
        </p>
        <p className="row__meta">{formatSlot(invite.startsAt, invite.endsAt, timeZone)}</p>
        {invite.declineReason && <p className="row__meta">Reason given: {invite.declineReason}</p>}
      </div>
      <CoachStatus status={invite.status} of="invite" />
    </li>
  );
}
