import { findSessionFacts } from '../src/db/queries/calendar-events.js';
import type { InviteRow } from '../src/db/queries/invites.js';
import type { Recipient } from '../src/domain/events.js';
import type { EmailAttachment } from '../src/email/attachment.js';
import { sessionEventAttachment } from '../src/email/calendar-attachment.js';
import type { ActivityDeps } from './deps.js';

/**
 * The session's event for an acceptance email: booked, or moved by an accepted reschedule. It
 * carries this invite's slot and the SEQUENCE the session had once this invite was accepted
 * (reschedules answered later are not counted), so the email says what happened when it did.
 */
export async function acceptedSessionEvent(
  deps: ActivityDeps,
  invite: Pick<InviteRow, 'sessionId' | 'startsAt' | 'endsAt' | 'respondedAt' | 'status'>,
  recipient: Recipient,
): Promise<EmailAttachment[]> {
  if (!invite.sessionId || invite.status !== 'accepted') return [];
  const facts = await findSessionFacts(deps.db, invite.sessionId, invite.respondedAt ?? undefined);
  if (!facts) return [];
  const session = { ...facts, startsAt: invite.startsAt, endsAt: invite.endsAt, cancelled: false };
  return [
    sessionEventAttachment({
      session,
      recipient,
      method: 'request',
      appUrl: deps.appUrl,
      stamp: deps.clock(),
    }),
  ];
}

/** The session's event withdrawn, for a cancellation email: same UID, a higher SEQUENCE. */
export async function cancelledSessionEvent(
  deps: ActivityDeps,
  sessionId: string,
  recipient: Recipient,
): Promise<EmailAttachment[]> {
  const session = await findSessionFacts(deps.db, sessionId);
  if (!session?.cancelled) return [];
  return [
    sessionEventAttachment({
      session,
      recipient,
      method: 'cancel',
      appUrl: deps.appUrl,
      stamp: deps.clock(),
    }),
  ];
}
