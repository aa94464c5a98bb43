import { useState } from 'react';
import { Link } from 'react-router';
import type { Invite } from '../api/model';
import { useCoach } from '../hooks/useCoach';
import { useMe } from '../hooks/me-context';
import { formatSlot } from '../lib/time';
import { ErrorText } from './ErrorText';
import { InviteActions } from './InviteActions';
import { InviteFacts } from './InviteFacts';
import { Loading } from './Loading';
import { RescheduleNote } from './RescheduleNote';
import { StatusBadge } from './StatusBadge';

/** One invite: who, when, the coach's message, how long it stays open, its cost, its answers. */
export function InviteCard({
  invite,
  onChanged,
  linkTitle = false,
}: {
  invite: Invite;
  onChanged: () => Promise<void>;
  linkTitle?: boolean;
}) {
  const { me } = useMe();
  const [coach] = useCoach(invite.coachId);
  const [notice, setNotice] = useState<string | null>(null);
  const zone = me.timezone;
  if (coach.status === 'loading') return <Loading what="Loading the invite" />;
  if (coach.status === 'failed') return <ErrorText problem={coach.problem} />;
  const slot = formatSlot(invite.startsAt, invite.endsAt, zone);
  const what = invite.kind === 'reschedule' ? 'New time proposed' : 'Session';
  const title = `${what} with ${coach.data.name}`;
  const pending = invite.status === 'pending';
  return (
    <article className="card" aria-labelledby={`invite-${invite.id}`}>
      <div className="card__head">
        <h2 id={`invite-${invite.id}`}>
          {linkTitle ? <Link to={`/invites/${invite.id}`}>{title}</Link> : title}
        </h2>
        <StatusBadge status={invite.status} />
      </div>
      {invite.kind === 'reschedule' && <RescheduleNote invite={invite} timeZone={zone} />}
      <InviteFacts invite={invite} coach={coach.data} me={me} />
      <ErrorText text={notice ?? undefined} />
      {pending ? (
        <InviteActions
          invite={invite}
          coach={coach.data}
          subject={`Our session on ${slot}`}
          onNotice={setNotice}
          onChanged={onChanged}
        />
      ) : (
        invite.status === 'accepted' &&
        invite.sessionId && (
          <p>
            <Link to={`/sessions/${invite.sessionId}`}>Go to this session</Link>
          </p>
        )
      )}
    </article>
  );
}
