import { useNavigate } from 'react-router';
import type { Coach, Invite } from '../api/model';
import { useAcceptInvite } from '../hooks/useAcceptInvite';
import { MoreOptions } from './MoreOptions';

/** A pending invite's answers: "Accept", "Decline" and "More options". */
export function InviteActions({
  invite,
  coach,
  subject,
  onNotice,
  onChanged,
}: {
  invite: Invite;
  coach: Coach;
  subject: string;
  onNotice: (sentence: string | null) => void;
  onChanged: () => Promise<void>;
}) {
  const navigate = useNavigate();
  const { onAccept, pending } = useAcceptInvite(invite, onNotice, onChanged);
  return (
    <div className="actions">
      <button
        type="button"
        className="button button--primary"
        disabled={pending}
        aria-busy={pending}
        onClick={() => void onAccept()}
      >
        Accept
      </button>
      <button
        type="button"
        className="button button--secondary"
        disabled={pending}
        onClick={() => void navigate(`/invites/${invite.id}/decline`)}
      >
        Decline
      </button>
      <MoreOptions coach={coach} subject={subject} />
    </div>
  );
}
