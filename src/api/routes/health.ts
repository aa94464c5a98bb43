import { Router } from 'express';
import type { ApiDeps } from '../deps.js';

const within = <T>(work: Promise<T>, ms: number) =>
  Promise.race([
    work,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref()),
  ]);

export function healthRouter({ readiness }: ApiDeps): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const [postgres, temporal] = await Promise.allSettled([
      within(readiness.postgres(), 2_000),
      within(readiness.temporal(), 2_000),
    ]);
    const checks = {
      postgres: postgres.status === 'fulfilled',
      temporal: temporal.status === 'fulfilled',
    };
    const ready = checks.postgres && checks.temporal;
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable', checks });
  });
  return router;
}
