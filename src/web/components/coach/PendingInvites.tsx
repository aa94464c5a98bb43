import type { Invite } from '../../api/model';
import type { PagedList } from '../../hooks/coach/useCoachLists';
import { ErrorText } from '../ErrorText';
import { Loading } from '../Loading';
import { ShowMore } from '../ShowMore';
import { PendingInviteRow } from './PendingInviteRow';

/** "Pending invites": what waits for a client's answer, each with "Withdraw invite". */
export function PendingInvites({
  invites,
  timeZone,
}: {
  invites: PagedList<Invite>;
  timeZone: string;
}) {
  return (
    <section aria-labelledby="pending-invites">
      <h2 id="pending-invites">Pending invites</h2>
      {invites.first.status === 'loading' && <Loading what="Loading your invites" />}
      {invites.first.status === 'failed' && <ErrorText problem={invites.first.problem} />}
      {invites.first.status === 'ready' && invites.items.length === 0 && (
        <p className="empty">No invites are waiting for an answer.</p>
      )}
      {invites.items.length > 0 && (
        <ul className="rows">
          {invites.items.map((invite) => (
            <PendingInviteRow
              key={invite.id}
              invite={invite}
              timeZone={timeZone}
              onWithdrawn={() => void invites.refresh()}
            />
          ))}
        </ul>
      )}
      <ShowMore list={invites} />
    </section>
  );
}
