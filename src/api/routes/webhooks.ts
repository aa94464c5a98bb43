import { Router } from 'express';
import {
  findWebhookDelivery,
  listWebhookAttempts,
  listWebhookDeliveries,
  requestWebhookRetry,
} from '../../db/queries/webhook-deliveries.js';
import {
  deleteWebhookEndpoint,
  findWebhookEndpoint,
  insertWebhookEndpoint,
  listWebhookEndpoints,
  toEndpointView,
  updateWebhookEndpoint,
} from '../../db/queries/webhook-endpoints.js';
import { newWebhookSecret } from '../../webhooks/signing.js';
import { webhookUrlProblem } from '../../webhooks/url-rules.js';
import { requireRole } from '../auth.js';
import type { ApiDeps } from '../deps.js';
import { pageAnswer, pageRequest } from '../paging.js';
import { ApiError } from '../problems.js';
import { idParams } from '../schemas.js';
import { parse } from '../validate.js';
import {
  createWebhookBody,
  deliveryParams,
  updateWebhookBody,
  webhookListQuery,
} from '../webhook-schemas.js';

/** Operators' webhook endpoints, their deliveries and manual retries. */
export function webhooksRouter(deps: ApiDeps): Router {
  return Router().use(endpointsRouter(deps)).use(deliveriesRouter(deps));
}

const endpointOf = async (db: ApiDeps['db'], id: string) => {
  const endpoint = await findWebhookEndpoint(db, id);
  if (!endpoint) throw new ApiError('not_found', 'No such webhook endpoint.');
  return endpoint;
};

function endpointsRouter({ db, clock, config }: ApiDeps): Router {
  const router = Router();

  /** Refuses a URL that may not be used here (production: https to public addresses only). */
  const checkUrl = async (url: string) => {
    const problem = await webhookUrlProblem(url, { production: config.production });
    if (problem)
      throw new ApiError('validation_failed', `The URL is ${problem}.`, [
        { path: 'body.url', message: `Must not be ${problem}` },
      ]);
  };

  router.post('/v1/webhooks', async (req, res) => {
    requireRole(res, 'operator');
    const body = parse(createWebhookBody, req.body, 'body');
    await checkUrl(body.url);
    const secret = newWebhookSecret();
    const input = { ...body, description: body.description ?? null, secret };
    const endpoint = await insertWebhookEndpoint(db, input, clock());
    res.status(201).json({ ...endpoint, secret });
  });

  router.get('/v1/webhooks', async (req, res) => {
    requireRole(res, 'operator');
    const query = parse(webhookListQuery, req.query, 'query');
    res.json(pageAnswer(await listWebhookEndpoints(db, pageRequest(query))));
  });

  router.get('/v1/webhooks/:id', async (req, res) => {
    requireRole(res, 'operator');
    const { id } = parse(idParams, req.params, 'params');
    res.json(toEndpointView(await endpointOf(db, id)));
  });

  router.patch('/v1/webhooks/:id', async (req, res) => {
    requireRole(res, 'operator');
    const { id } = parse(idParams, req.params, 'params');
    const body = parse(updateWebhookBody, req.body, 'body');
    if (body.url !== undefined) await checkUrl(body.url);
    const endpoint = await updateWebhookEndpoint(db, id, body);
    if (!endpoint) throw new ApiError('not_found', 'No such webhook endpoint.');
    res.json(endpoint);
  });

  router.delete('/v1/webhooks/:id', async (req, res) => {
    requireRole(res, 'operator');
    const { id } = parse(idParams, req.params, 'params');
    if (!(await deleteWebhookEndpoint(db, id)))
      throw new ApiError('not_found', 'No such webhook endpoint.');
    res.status(204).end();
  });

  return router;
}

function deliveriesRouter({ db }: ApiDeps): Router {
  const router = Router();

  router.get('/v1/webhooks/:id/deliveries', async (req, res) => {
    requireRole(res, 'operator');
    const { id } = parse(idParams, req.params, 'params');
    const query = parse(webhookListQuery, req.query, 'query');
    await endpointOf(db, id);
    res.json(pageAnswer(await listWebhookDeliveries(db, id, pageRequest(query))));
  });

  router.get('/v1/webhooks/:id/deliveries/:deliveryId', async (req, res) => {
    requireRole(res, 'operator');
    const { id, deliveryId } = parse(deliveryParams, req.params, 'params');
    const delivery = await findWebhookDelivery(db, id, deliveryId);
    if (!delivery) throw new ApiError('not_found', 'No such delivery.');
    res.json({ ...delivery, attemptLog: await listWebhookAttempts(db, deliveryId) });
  });

  // A new attempt cycle: the worker's relay starts its workflow within a second or so.
  router.post('/v1/webhooks/:id/deliveries/:deliveryId/retry', async (req, res) => {
    requireRole(res, 'operator');
    const { id, deliveryId } = parse(deliveryParams, req.params, 'params');
    if (!(await requestWebhookRetry(db, { endpointId: id, deliveryId })))
      throw new ApiError('not_found', 'No such delivery.');
    res.status(202).end();
  });

  return router;
}
