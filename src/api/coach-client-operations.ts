import type { Operation } from './operations.js';
import * as schemas from './schemas.js';

const common = ['validation_failed', 'unauthenticated'] as const;

/** Which clients a coach works with: operators assign them, a coach lists their own. */
export const COACH_CLIENT_OPERATIONS: Operation[] = [
  {
    method: 'put',
    path: '/v1/coaches/{coachId}/clients/{clientId}',
    summary: 'Assign a client to a coach, who may then invite them',
    roles: 'operator',
    notes: '201 when newly assigned, 200 when already assigned (nothing changes).',
    success: 201,
    alsoSuccess: { status: 200, description: 'Already assigned' },
    errors: [...common, 'forbidden', 'not_found'],
  },
  {
    method: 'delete',
    path: '/v1/coaches/{coachId}/clients/{clientId}',
    summary: 'Unassign a client from a coach',
    roles: 'operator',
    notes:
      'The pair’s invites and sessions stay as they are (a booked session can still be ' +
      'rescheduled); the coach can no longer send the client new invites. 204 also when the ' +
      'client was not assigned; 404 not_found when either id is not a coach / client.',
    success: 204,
    errors: [...common, 'forbidden', 'not_found'],
  },
  {
    method: 'get',
    path: '/v1/clients',
    summary: 'The coach’s own clients, by name',
    roles: 'coach',
    query: schemas.clientListQuery,
    success: 200,
    errors: [...common, 'forbidden'],
  },
  {
    method: 'get',
    path: '/v1/clients/{id}',
    summary: 'One of the coach’s clients',
    roles: 'coach',
    notes:
      'A client assigned to the coach, or one the coach has sent an invite (so the pair’s ' +
      'sessions still name the client after an unassignment); anyone else: 404 not_found.',
    success: 200,
    errors: [...common, 'forbidden', 'not_found'],
  },
];
