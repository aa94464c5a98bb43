/**
 * The product's nouns, defined once: the database schema's enums, the API's zod schemas and the
 * workflows' messages all derive from these lists.
 */
export const ROLES = ['coach', 'client', 'operator'] as const;
export type Role = (typeof ROLES)[number];

/** The two people of an invite or a session; operators have no user row. */
export const PARTIES = ['coach', 'client'] as const;
export type Party = (typeof PARTIES)[number];

export const INVITE_KINDS = ['new', 'reschedule'] as const;
export type InviteKind = (typeof INVITE_KINDS)[number];

export const INVITE_STATUSES = ['pending', 'accepted', 'declined', 'expired', 'cancelled'] as const;
export type InviteStatus = (typeof INVITE_STATUSES)[number];

export const SESSION_STATUSES = ['booked', 'cancelled', 'completed'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export const QUESTIONNAIRE_STATUSES = ['pending', 'submitted'] as const;
export type QuestionnaireStatus = (typeof QUESTIONNAIRE_STATUSES)[number];

/** A signed-in caller of the API. */
export interface Caller {
  id: string;
  role: Role;
}

/** Who sent a workflow message: a signed-in user through the API, or an operator (UI, CLI). */
export interface Actor {
  role: Role;
  id?: string;
}

/** A person as messages address them, in their own time zone. */
export interface Person {
  id: string;
  name: string;
  email: string;
  timezone: string;
}
