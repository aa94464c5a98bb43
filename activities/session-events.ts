import type { SessionFacts } from '../src/calendar/entries.js';
import { findSessionFacts } from '../src/db/queries/calendar-events.js';
import type { InviteRow } from '../src/db/queries/invites.js';
import type { Recipient } from '../src/domain/events.js';
import type { EmailAttachment } from '../src/email/attachment.js';
import { sessionEventAttachment } from '../src/email/calendar-attachment.js';
import type { ActivityDeps } from './deps.js';

/** A recipient's calendar event for a notice's email; all recipients share one read of the session. */
export type SessionEventFor = (recipient: Recipient) => Promise<EmailAttachment[]>;

/**
 * The session's event for an acceptance email: booked, or moved by an accepted reschedule. It
 * carries this invite's slot and the SEQUENCE the session had once this invite was accepted
 * (reschedules answered later are not counted), so the email says what happened when it did.
 */
export function acceptedSessionEvent(
  deps: ActivityDeps,
  invite: Pick<InviteRow, 'sessionId' | 'startsAt' | 'endsAt' | 'respondedAt' | 'status'>,
): SessionEventFor {
  const session = once(async () => {
    if (!invite.sessionId || invite.status !== 'accepted') return undefined;
    const upTo = invite.respondedAt ?? undefined;
    const facts = await findSessionFacts(deps.db, invite.sessionId, upTo);
    return (
      facts && { ...facts, startsAt: invite.startsAt, endsAt: invite.endsAt, cancelled: false }
    );
  });
  return async (recipient) => sessionEvent(deps, await session(), recipient, 'request');
}

/** The session's event withdrawn, for a cancellation email: same UID, a higher SEQUENCE. */
export function cancelledSessionEvent(deps: ActivityDeps, sessionId: string): SessionEventFor {
  const session = once(async () => {
    const facts = await findSessionFacts(deps.db, sessionId);
    return facts?.cancelled ? facts : undefined;
  });
  return async (recipient) => sessionEvent(deps, await session(), recipient, 'cancel');
}

function sessionEvent(
  deps: ActivityDeps,
  session: SessionFacts | undefined,
  recipient: Recipient,
  method: 'request' | 'cancel',
): EmailAttachment[] {
  if (!session) return [];
  const stamp = deps.clock();
  return [sessionEventAttachment({ session, recipient, method, appUrl: deps.appUrl, stamp })];
}

/** Reads on first need only, then answers every later ask with that same read. */
function once<T>(read: () => Promise<T>): () => Promise<T> {
  let result: Promise<T> | undefined;
  return () => (result ??= read());
}
