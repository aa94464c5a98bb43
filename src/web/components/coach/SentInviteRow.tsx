import type { Invite } from '../../api/model';
import { InviteSummary } from './InviteSummary';
import { CoachStatus } from './CoachStatus';

/** An invite the coach sent, with its status. */
export function SentInviteRow({ invite, timeZone }: { invite: Invite; timeZone: string }) {
  return (
    <li className="row">
      <div>
        <InviteSummary invite={invite} timeZone={timeZone} />
        {invite.declineReason && <p className="row__meta">Reason given: {invite.declineReason}</p>}
      </div>
      <CoachStatus status={invite.status} of="invite" />
    </li>
  );
}
