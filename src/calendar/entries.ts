import { formatInZone } from '../domain/time-format.js';
import type { CalendarEntry, CalendarPerson } from './calendar-file.js';

/**
 * The domain part of every event's UID. Fixed rather than APP_URL's host, so a session stays one
 * event in people's calendars even if the platform moves to another address.
 */
const UID_DOMAIN = 'coach-invites';

/** A session's event keeps this UID for its whole life: in every email, download and feed. */
export const sessionUid = (sessionId: string) => `session-${sessionId}@${UID_DOMAIN}`;

/** A pending invite's held slot, shown only in its coach's feed; its own event, never the session's. */
export const heldSlotUid = (inviteId: string) => `invite-${inviteId}@${UID_DOMAIN}`;

/**
 * The session's SEQUENCE, from what happened to it rather than a counter: 0 when booked, one more
 * for each reschedule its client accepted, and one more once it is cancelled. Every email and
 * feed derives the same number from the same facts, so a calendar always takes the newest.
 */
export const sessionSequence = (acceptedReschedules: number, cancelled: boolean) =>
  acceptedReschedules + (cancelled ? 1 : 0);

export interface SessionFacts {
  id: string;
  startsAt: Date;
  endsAt: Date;
  cancelled: boolean;
  acceptedReschedules: number;
  coach: CalendarPerson;
  client: CalendarPerson;
}

/** A booked (or cancelled) session as an event, titled for whoever's calendar it goes into. */
export function sessionEntry(
  session: SessionFacts,
  viewer: 'coach' | 'client',
  appUrl: string,
): CalendarEntry {
  const url = `${appUrl}/sessions/${session.id}`;
  const other = viewer === 'coach' ? session.client.name : session.coach.name;
  return {
    uid: sessionUid(session.id),
    sequence: sessionSequence(session.acceptedReschedules, session.cancelled),
    status: session.cancelled ? 'cancelled' : 'confirmed',
    startsAt: session.startsAt,
    endsAt: session.endsAt,
    summary: `Coaching session with ${other}`,
    description: `${session.cancelled ? 'Cancelled. ' : ''}Coaching session of ${session.coach.name} with ${session.client.name}. Session page: ${url}`,
    url,
    coach: session.coach,
    client: session.client,
  };
}

/** A slot a pending invite holds in the coach's calendar until the client answers. */
export function heldSlotEntry(
  invite: { id: string; startsAt: Date; endsAt: Date; expiresAt: Date; reschedule: boolean },
  people: { coach: CalendarPerson; client: CalendarPerson },
  appUrl: string,
  /** The coach's zone, for the expiry in the description. */
  timeZone: string,
): CalendarEntry {
  const url = `${appUrl}/invites/${invite.id}`;
  const what = invite.reschedule ? 'Proposed new time' : 'Invite';
  return {
    uid: heldSlotUid(invite.id),
    sequence: 0,
    status: 'tentative',
    startsAt: invite.startsAt,
    endsAt: invite.endsAt,
    summary: `Held: ${what.toLowerCase()} for ${people.client.name}`,
    description: `${what} to ${people.client.name}, waiting for an answer until ${formatInZone(invite.expiresAt, timeZone)}. The slot is held until then. Invite: ${url}`,
    url,
    ...people,
  };
}
