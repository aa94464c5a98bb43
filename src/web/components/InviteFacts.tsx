import type { Coach, Invite, Me } from '../api/model';
import { credits, formatMoment, formatRelative, formatSlot } from '../lib/time';

/** An invite's details: the slot, the coach's message, how long it stays open, its cost. */
export function InviteFacts({ invite, coach, me }: { invite: Invite; coach: Coach; me: Me }) {
  const zone = me.timezone;
  const pending = invite.status === 'pending';
  return (
    <dl className="facts">
      <div>
        <dt>When</dt>
        <dd>{formatSlot(invite.startsAt, invite.endsAt, zone)}</dd>
      </div>
      {invite.message && (
        <div>
          <dt>Message from {coach.name}</dt>
          <dd className="message">{invite.message}</dd>
        </div>
      )}
      {pending && (
        <div>
          <dt>Open until</dt>
          <dd>
            {formatMoment(invite.expiresAt, zone)} ({formatRelative(invite.expiresAt)})
          </dd>
        </div>
      )}
      <div>
        <dt>Cost</dt>
        <dd>
          {invite.kind === 'reschedule' && invite.creditCost === 0 ? (
            'Nothing more: the session is paid for'
          ) : (
            <>
              {credits(invite.creditCost)}
              {pending && me.balance !== undefined && <> · your balance: {credits(me.balance)}</>}
            </>
          )}
        </dd>
      </div>
      {invite.declineReason && (
        <div>
          <dt>Your reason</dt>
          <dd>{invite.declineReason}</dd>
        </div>
      )}
    </dl>
  );
}
