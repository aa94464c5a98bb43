import type { Operation } from './operations.js';
import { createWebhookBody, updateWebhookBody, webhookListQuery } from './webhook-schemas.js';

const common = ['validation_failed', 'unauthenticated', 'forbidden'] as const;
const roles = 'operator';

/** Webhook endpoints, their deliveries and manual retries (the operator's back office). */
export const WEBHOOK_OPERATIONS: Operation[] = [
  {
    method: 'post',
    path: '/v1/webhooks',
    summary:
      'Register an endpoint for chosen event types; the answer’s `secret` (shown only here) ' +
      'verifies its deliveries as Standard Webhooks says',
    roles,
    body: createWebhookBody,
    success: 201,
    errors: [...common],
  },
  {
    method: 'get',
    path: '/v1/webhooks',
    summary: 'The endpoints, newest first, without secrets',
    roles,
    query: webhookListQuery,
    success: 200,
    errors: [...common],
  },
  {
    method: 'get',
    path: '/v1/webhooks/{id}',
    summary: 'One endpoint, without its secret',
    roles,
    success: 200,
    errors: [...common, 'not_found'],
  },
  {
    method: 'patch',
    path: '/v1/webhooks/{id}',
    summary: 'Change an endpoint; `enabled: false` stops its deliveries, retries included',
    roles,
    body: updateWebhookBody,
    success: 200,
    errors: [...common, 'not_found'],
  },
  {
    method: 'delete',
    path: '/v1/webhooks/{id}',
    summary: 'Delete an endpoint with its deliveries',
    roles,
    success: 204,
    errors: [...common, 'not_found'],
  },
  {
    method: 'get',
    path: '/v1/webhooks/{id}/deliveries',
    summary: 'The endpoint’s deliveries, newest first',
    roles,
    query: webhookListQuery,
    success: 200,
    errors: [...common, 'not_found'],
  },
  {
    method: 'get',
    path: '/v1/webhooks/{id}/deliveries/{deliveryId}',
    summary: 'One delivery with its latest attempts (status, HTTP code, duration, error)',
    roles,
    success: 200,
    errors: [...common, 'not_found'],
  },
  {
    method: 'post',
    path: '/v1/webhooks/{id}/deliveries/{deliveryId}/retry',
    summary:
      'Start a new attempt cycle (3 days of retries) for a delivery, whatever its status; a ' +
      'cycle still retrying stops',
    roles,
    success: 202,
    errors: [...common, 'not_found'],
  },
];
