import type { RequestHandler } from 'express';
import type { Db } from '../db/client.js';
import { apiMetrics } from './api-metrics.js';
import { httpTracing } from './http-tracing.js';
import { activeTracing } from './tracing.js';

/**
 * What the API mounts first: a span per request when tracing is on, and every request counted;
 * and the handler of `GET /metrics` (no authentication, like /healthz: keep it off the public
 * internet).
 */
export function apiObservability(db: Db): { observe: RequestHandler[]; metrics: RequestHandler } {
  const metrics = apiMetrics(db);
  const observe = activeTracing() ? [httpTracing(), metrics.requests] : [metrics.requests];
  return { observe, metrics: metrics.serve };
}
