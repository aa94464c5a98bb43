import type { z } from 'zod';
import type { PROBLEMS } from './problems.js';
import * as schemas from './schemas.js';
import { COACH_CLIENT_OPERATIONS } from './coach-client-operations.js';
import { CALENDAR_OPERATIONS } from './calendar-operations.js';
import { SIGN_IN_OPERATIONS } from './sign-in-operations.js';
import { WEBHOOK_OPERATIONS } from './webhook-operations.js';

export interface Operation {
  method: 'get' | 'put' | 'post' | 'patch' | 'delete';
  path: string;
  summary: string;
  roles: string;
  body?: z.ZodType;
  query?: z.ZodObject;
  success: number;
  alsoSuccess?: { status: number; description: string }; // e.g. 200 "already" beside 201
  notes?: string; // rules a caller must know beyond the summary
  errors: (keyof typeof PROBLEMS)[];
  /** A success answer that is not JSON: its media type and what it holds. */
  produces?: { type: string; description: string };
  /** Path parameters that are not UUIDs: their JSON schema. */
  pathParams?: Record<string, Record<string, unknown>>;
  public?: boolean;
  /** Honours an `Idempotency-Key` header. */
  idempotent?: boolean;
}

const common = ['validation_failed', 'unauthenticated'] as const;
/** Answers that reach an invite's workflow can also say Temporal did not answer in time. */
const answered = [
  'forbidden',
  'not_found',
  'invite_expired',
  'invite_already_responded',
  'invite_cancelled',
  'service_unavailable',
] as const;

/** Every route, described from the same zod schemas that validate its requests. */
export const OPERATIONS: Operation[] = [
  {
    method: 'get',
    path: '/healthz',
    summary: 'Liveness',
    roles: 'anyone',
    success: 200,
    errors: [],
    public: true,
  },
  {
    method: 'get',
    path: '/readyz',
    summary: 'Readiness: Postgres and Temporal answer',
    roles: 'anyone',
    success: 200,
    errors: ['service_unavailable'],
    public: true,
  },
  {
    method: 'get',
    path: '/openapi.json',
    summary: 'This document',
    roles: 'anyone',
    success: 200,
    errors: [],
    public: true,
  },
  ...SIGN_IN_OPERATIONS,
  ...WEBHOOK_OPERATIONS,
  {
    method: 'put',
    path: '/v1/users/{id}',
    summary: 'Create or update a user',
    roles: 'operator',
    body: schemas.putUserBody,
    success: 201,
    errors: [...common, 'forbidden'],
  },
  {
    method: 'get',
    path: '/v1/users/{id}',
    summary: 'Read a user',
    roles: 'operator or the user',
    success: 200,
    errors: [...common, 'not_found'],
  },
  {
    method: 'post',
    path: '/v1/users/{id}/credits',
    summary: 'Grant credits to a client',
    roles: 'operator',
    body: schemas.grantCreditsBody,
    success: 201,
    errors: [...common, 'forbidden', 'client_not_found'],
  },
  {
    method: 'get',
    path: '/v1/coaches/{id}',
    summary: 'View a coach',
    roles: 'any signed-in user',
    success: 200,
    errors: [...common, 'not_found'],
  },
  ...COACH_CLIENT_OPERATIONS,
  {
    method: 'get',
    path: '/v1/credits',
    summary: 'The client’s balance and ledger',
    roles: 'client',
    success: 200,
    errors: [...common, 'forbidden'],
  },
  {
    method: 'post',
    path: '/v1/invites',
    summary: 'Send an invite; the slot is held when this answers',
    roles: 'coach',
    notes: 'Only to the coach’s own clients (GET /v1/clients); anyone else: 404 client_not_found.',
    body: schemas.createInviteBody,
    success: 201,
    errors: [
      ...common,
      'forbidden',
      'client_not_found',
      'invalid_slot',
      'slot_unavailable',
      'idempotency_key_reused',
      'service_unavailable',
    ],
    idempotent: true,
  },
  {
    method: 'get',
    path: '/v1/invites',
    summary: 'Sent (coach) or received (client) invites, soonest first',
    roles: 'coach, client',
    query: schemas.inviteListQuery,
    success: 200,
    errors: [...common, 'forbidden'],
  },
  {
    method: 'get',
    path: '/v1/invites/{id}',
    summary: 'Read an invite',
    roles: 'its coach or client',
    success: 200,
    errors: [...common, 'not_found'],
  },
  {
    method: 'post',
    path: '/v1/invites/{id}/accept',
    summary: 'Accept: charge credits, book the slot, create the session',
    roles: 'its client',
    body: schemas.acceptBody,
    success: 200,
    errors: [...common, ...answered, 'insufficient_credits'],
  },
  {
    method: 'post',
    path: '/v1/invites/{id}/decline',
    summary: 'Decline, optionally asking to book another time',
    roles: 'its client',
    body: schemas.declineBody,
    success: 200,
    errors: [...common, ...answered],
  },
  {
    method: 'post',
    path: '/v1/invites/{id}/cancel',
    summary: 'Withdraw a pending invite',
    roles: 'its coach',
    body: schemas.cancelInviteBody,
    success: 200,
    errors: [...common, ...answered],
  },
  {
    method: 'get',
    path: '/v1/sessions',
    summary: 'The caller’s sessions, soonest first',
    roles: 'coach, client',
    query: schemas.sessionListQuery,
    success: 200,
    errors: [...common, 'forbidden'],
  },
  {
    method: 'get',
    path: '/v1/sessions/{id}',
    summary: 'Read a session',
    roles: 'its coach or client',
    success: 200,
    errors: [...common, 'not_found'],
  },
  {
    method: 'post',
    path: '/v1/sessions/{id}/cancel',
    summary: 'Cancel a booked session under the cancellation policy',
    roles: 'its coach or client',
    body: schemas.cancelSessionBody,
    success: 200,
    errors: [...common, 'forbidden', 'not_found', 'session_not_active'],
  },
  {
    method: 'post',
    path: '/v1/sessions/{id}/reschedule',
    summary: 'Propose a new time: an invite of kind reschedule',
    roles: 'its coach',
    body: schemas.rescheduleBody,
    success: 201,
    errors: [
      ...common,
      'forbidden',
      'not_found',
      'invalid_slot',
      'slot_unavailable',
      'reschedule_pending',
      'session_not_active',
      'idempotency_key_reused',
      'service_unavailable',
    ],
    idempotent: true,
  },
  {
    method: 'get',
    path: '/v1/sessions/{id}/questionnaire',
    summary: 'The pre-session questionnaire',
    roles: 'its coach or client',
    success: 200,
    errors: [...common, 'not_found'],
  },
  {
    method: 'put',
    path: '/v1/sessions/{id}/questionnaire',
    summary: 'Submit the pre-session questionnaire (until the session starts)',
    roles: 'its client',
    body: schemas.questionnaireBody,
    success: 200,
    errors: [...common, 'forbidden', 'not_found', 'session_not_active'],
  },
  {
    method: 'get',
    path: '/v1/notifications',
    summary: 'The caller’s notifications, newest first',
    roles: 'anyone signed in',
    query: schemas.notificationListQuery,
    success: 200,
    errors: [...common],
  },
  {
    method: 'post',
    path: '/v1/notifications/{id}/read',
    summary: 'Mark a notification read',
    roles: 'its owner',
    success: 200,
    errors: [...common, 'not_found'],
  },
  ...CALENDAR_OPERATIONS,
];
