import type { Party } from './model.js';

/** What an invite tells its people about, one email and notification each. */
export const INVITE_EVENTS = [
  'invite_sent',
  'invite_reminder',
  'invite_accepted',
  'invite_declined',
  'invite_expired',
  'invite_cancelled',
] as const;
export type InviteEvent = (typeof INVITE_EVENTS)[number];

/** What a booked session tells its people about. */
export const SESSION_EVENTS = ['session_cancelled', 'questionnaire_reminder'] as const;
export type SessionEvent = (typeof SESSION_EVENTS)[number];

export type Recipient = Party;
