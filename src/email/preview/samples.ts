import type { InviteEvent, Recipient } from '../../domain/events.js';
import type { Party } from '../../domain/model.js';
import { renderInviteMessage } from '../invite-messages.js';
import type { EmailLinks, RenderedMessage } from '../layout.js';
import { renderSessionMessage } from '../session-messages.js';
import { renderSignInMessage } from '../sign-in-message.js';

/** Sample people: the coach in Berlin, the client in New York unless a sample puts them elsewhere. */
export const SAMPLE_COACH = {
  id: 'coach-1',
  name: 'Dana Weber',
  email: 'dana@example.com',
  timezone: 'Europe/Berlin',
};
export const SAMPLE_CLIENT = {
  id: 'client-1',
  name: 'Casey Morgan',
  email: 'casey@example.com',
  timezone: 'America/New_York',
};

/** Slots to render every email with: an ordinary one, and one across Berlin's change to winter time. */
export const SAMPLE_SLOTS = {
  december: {
    startsAt: new Date('2026-12-10T15:00:00Z'),
    endsAt: new Date('2026-12-10T16:00:00Z'),
  },
  'dst-change': {
    startsAt: new Date('2026-10-25T00:00:00Z'),
    endsAt: new Date('2026-10-25T02:00:00Z'),
  },
};
export type SampleSlot = keyof typeof SAMPLE_SLOTS;

/** The client's zone in each rendering: far from the coach's, then the same as it. */
export const SAMPLE_CLIENT_ZONES = ['America/New_York', 'Europe/Berlin'];

const APP_URL = 'https://app.example.com';
const DAY = 86_400_000;
/** A reschedule moves the session here from two days later. */
const originalOf = (slot: SampleSlot) => ({
  startsAt: new Date(SAMPLE_SLOTS[slot].startsAt.getTime() + 2 * DAY),
  endsAt: new Date(SAMPLE_SLOTS[slot].startsAt.getTime() + 2 * DAY + 3_600_000),
});

/** Both people of a sample: the client in `clientZone`. */
const people = (clientZone: string) => ({
  coach: SAMPLE_COACH,
  client: { ...SAMPLE_CLIENT, timezone: clientZone },
});

/** Links as the sender makes them, with a stand-in token. */
export const SAMPLE_LINKS: EmailLinks = {
  signIn: async (target) => `${APP_URL}/auth/link?token=SAMPLE&next=${target.path}`,
  booking: (coachId) => `${APP_URL}/book?coachId=${coachId}`,
};

function invite(
  zone: string,
  event: InviteEvent,
  recipient: Recipient,
  slot: SampleSlot,
  options: { kind?: 'new' | 'reschedule'; creditCost?: number; rebook?: boolean } = {},
) {
  const reschedule = options.kind === 'reschedule';
  return renderInviteMessage({
    event,
    recipient,
    appUrl: APP_URL,
    ...people(zone),
    invite: {
      id: 'invite-1',
      kind: options.kind ?? 'new',
      ...SAMPLE_SLOTS[slot],
      expiresAt: new Date('2026-10-20T12:00:00Z'),
      creditCost: reschedule ? 0 : (options.creditCost ?? 1),
      message: event === 'invite_sent' ? 'Looking forward to our next step!' : null,
      declineReason: event === 'invite_declined' ? 'Travelling that week' : null,
      sessionId: 'session-1',
    },
    originalSlot: reschedule ? originalOf(slot) : null,
    rebook: options.rebook ?? false,
  });
}

function cancelled(
  zone: string,
  recipient: Recipient,
  slot: SampleSlot,
  by: Party,
  creditCost: number,
  refundedCredits: number,
) {
  return renderSessionMessage({
    event: 'session_cancelled',
    recipient,
    appUrl: APP_URL,
    ...people(zone),
    session: {
      id: 'session-1',
      ...SAMPLE_SLOTS[slot],
      creditCost,
      cancelledBy: by,
      cancelReason: by === 'coach' ? 'I am ill' : null,
      refundedCredits,
    },
  });
}

/** Every template in every case worth seeing, by a name that says which. */
export function sampleMessages(
  slot: SampleSlot,
  clientZone = SAMPLE_CLIENT.timezone,
): Record<string, RenderedMessage> {
  const z = clientZone;
  const reschedule = { kind: 'reschedule' as const };
  return {
    'invite-sent': invite(z, 'invite_sent', 'client', slot),
    'invite-sent-free': invite(z, 'invite_sent', 'client', slot, { creditCost: 0 }),
    'invite-sent-reschedule': invite(z, 'invite_sent', 'client', slot, reschedule),
    'invite-reminder': invite(z, 'invite_reminder', 'client', slot),
    'invite-accepted-to-client': invite(z, 'invite_accepted', 'client', slot),
    'invite-accepted-to-client-free': invite(z, 'invite_accepted', 'client', slot, {
      creditCost: 0,
    }),
    'invite-accepted-to-coach': invite(z, 'invite_accepted', 'coach', slot),
    'reschedule-accepted-to-client': invite(z, 'invite_accepted', 'client', slot, reschedule),
    'reschedule-accepted-to-coach': invite(z, 'invite_accepted', 'coach', slot, reschedule),
    'invite-declined-to-coach': invite(z, 'invite_declined', 'coach', slot, { rebook: true }),
    'invite-declined-to-client': invite(z, 'invite_declined', 'client', slot, { rebook: true }),
    'reschedule-declined-to-client': invite(z, 'invite_declined', 'client', slot, reschedule),
    'invite-expired-to-client': invite(z, 'invite_expired', 'client', slot),
    'invite-expired-to-coach': invite(z, 'invite_expired', 'coach', slot),
    'invite-withdrawn': invite(z, 'invite_cancelled', 'client', slot),
    'session-cancelled-by-client-early-to-coach': cancelled(z, 'coach', slot, 'client', 1, 1),
    'session-cancelled-by-client-early-to-client': cancelled(z, 'client', slot, 'client', 1, 1),
    'session-cancelled-by-client-late-to-client': cancelled(z, 'client', slot, 'client', 1, 0),
    'session-cancelled-by-coach-to-client': cancelled(z, 'client', slot, 'coach', 2, 2),
    'session-cancelled-by-coach-free-to-client': cancelled(z, 'client', slot, 'coach', 0, 0),
    'questionnaire-reminder': renderSessionMessage({
      event: 'questionnaire_reminder',
      recipient: 'client',
      appUrl: APP_URL,
      ...people(z),
      session: {
        id: 'session-1',
        ...SAMPLE_SLOTS[slot],
        creditCost: 1,
        cancelledBy: null,
        cancelReason: null,
        refundedCredits: null,
      },
    }),
    'sign-in': renderSignInMessage({
      person: { name: SAMPLE_CLIENT.name, role: 'client' },
      target: { path: '/invites/invite-1', until: new Date('2026-10-20T12:00:00Z') },
      validFor: '15 minutes',
    }),
  };
}
