import { api } from '../../api/client';
import type { Invite } from '../../api/model';
import { run } from '../../api/problems';
import { useAction } from '../../hooks/useAction';
import { explainForCoach } from '../../lib/coach-problems';
import { formatMoment, formatRelative } from '../../lib/time';
import { ErrorText } from '../ErrorText';
import { InviteSummary } from './InviteSummary';

const withdraw = (id: string) =>
  run(() => api.POST('/v1/invites/{id}/cancel', { params: { path: { id } }, body: {} }));

/** A pending invite: whom it is for, the slot, when it expires, and "Withdraw invite". */
export function PendingInviteRow({
  invite,
  timeZone,
  onWithdrawn,
}: {
  invite: Invite;
  timeZone: string;
  onWithdrawn: () => void;
}) {
  const withdrawing = useAction(withdraw);
  const onClick = async () => {
    const outcome = await withdrawing.start(invite.id);
    if (outcome?.ok) onWithdrawn();
  };
  return (
    <li className="row">
      <div>
        <InviteSummary invite={invite} timeZone={timeZone} />
        <p className="row__meta">
          Expires {formatMoment(invite.expiresAt, timeZone)} ({formatRelative(invite.expiresAt)})
        </p>
        {withdrawing.problem && <ErrorText text={explainForCoach(withdrawing.problem)} />}
      </div>
      <button
        type="button"
        className="button button--secondary"
        disabled={withdrawing.pending}
        onClick={() => void onClick()}
      >
        Withdraw invite
      </button>
    </li>
  );
}
