import type { RequestHandler } from 'express';
import { collectDefaultMetrics, Registry } from 'prom-client';
import type { Db } from '../db/client.js';
import { registerDatabaseMetrics } from './database-metrics.js';
import { httpMetrics } from './http-metrics.js';

/**
 * The API's metrics, in a registry of its own (tests run several apps in one process): the Node
 * process, every request, and what PostgreSQL knows of invites and webhook deliveries.
 */
export function apiMetrics(db: Db): { requests: RequestHandler; serve: RequestHandler } {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  registerDatabaseMetrics(registry, db);
  return {
    requests: httpMetrics(registry),
    serve: async (_req, res) => {
      const text = await registry.metrics();
      res.type(registry.contentType).send(text);
    },
  };
}
