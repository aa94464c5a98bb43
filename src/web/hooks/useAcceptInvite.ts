import { useNavigate } from 'react-router';
import { api } from '../api/client';
import type { Invite } from '../api/model';
import { explain, run } from '../api/problems';
import { credits, formatMoment } from '../lib/time';
import { useAction } from './useAction';
import { useMe } from './me-context';

const accept = (id: string) =>
  run(() => api.POST('/v1/invites/{id}/accept', { params: { path: { id } }, body: {} }));

const ANSWERED_MEANWHILE = ['invite_expired', 'invite_cancelled', 'invite_already_responded'];

/**
 * "Accept": on success, on to the questionnaire. Too few credits names the cost and the balance;
 * an invite that expired or was withdrawn meanwhile is read again to show its new state.
 */
export function useAcceptInvite(
  invite: Invite,
  onNotice: (sentence: string | null) => void,
  onChanged: () => Promise<void>,
) {
  const { me, refresh } = useMe();
  const navigate = useNavigate();
  const accepting = useAction(accept);

  const onAccept = async () => {
    onNotice(null);
    const outcome = await accepting.start(invite.id);
    if (!outcome) return;
    if (outcome.ok) {
      void refresh().catch(() => {});
      await navigate(`/sessions/${outcome.data.session.id}/questionnaire`);
      return;
    }
    const { problem } = outcome;
    if (problem.code === 'insufficient_credits') {
      const fresh = await refresh().catch(() => me);
      onNotice(
        `This session costs ${credits(invite.creditCost)} and your balance is ` +
          `${credits(fresh.balance ?? 0)}, so it cannot be accepted yet. The invite stays open ` +
          `until ${formatMoment(invite.expiresAt, me.timezone)}.`,
      );
      return;
    }
    onNotice(explain(problem));
    if (ANSWERED_MEANWHILE.includes(problem.code)) await onChanged();
  };

  return { onAccept, pending: accepting.pending };
}
