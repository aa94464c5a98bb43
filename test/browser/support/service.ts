import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { signToken } from '../../../src/api/auth.js';
import { freePort } from '../../../src/temporal/dev-server.js';
import { createTestDatabase } from '../../support/database.js';
import { startFakeResend } from '../../support/fake-resend.js';
import { httpClient } from '../../support/http.js';
import { spawnService } from '../../support/service-process.js';

export const BROWSER_SECRET = 'browser-tests-secret-0123456789-abcdefghij';

export interface Person {
  id: string;
  name: string;
  email: string;
  timezone: string;
  api: ReturnType<typeof httpClient>;
}

/**
 * The service as `npm start` runs it (src/main/dev.ts: it builds the web app when stale and serves
 * it), on this file's own database, the run's Temporal dev server and a fake Resend. APP_URL is
 * the address the browser opens, so links in emails and the cookie's origin check match it.
 */
export async function startService(env: Record<string, string> = {}) {
  const database = await createTestDatabase();
  const resend = await startFakeResend();
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const service = spawnService('src/main/dev.ts', {
    DATABASE_URL: database.url,
    TEMPORAL_ADDRESS: inject('temporalAddress'),
    TEMPORAL_TASK_QUEUE: `browser-${randomUUID()}`,
    AUTH_JWT_SECRET: BROWSER_SECRET,
    RESEND_API_KEY: 're_browser_tests',
    RESEND_BASE_URL: resend.url,
    APP_URL: baseUrl,
    PORT: String(port),
    LOG_LEVEL: 'warn',
    ...env,
  });
  await service.waitFor('coach-invites is running');
  const as = async (id: string, role: 'coach' | 'client' | 'operator') =>
    httpClient(baseUrl, await signToken(BROWSER_SECRET, { id, role }));
  const operator = await as(randomUUID(), 'operator');

  /** A coach or client made through the back-office API, with an API client of their own. */
  const createUser = async (
    role: 'coach' | 'client',
    fields: { credits?: number; timezone?: string; name?: string } = {},
  ): Promise<Person> => {
    const id = randomUUID();
    // Plain names keep the screenshots readable; each test makes its own people all the same.
    const name = fields.name ?? (role === 'coach' ? 'Maria Jensen' : 'Alex Morgan');
    const timezone = fields.timezone ?? (role === 'coach' ? 'Europe/Berlin' : 'America/New_York');
    const email = `${role}-${id.slice(0, 8)}@example.com`;
    const created = await operator.put(`/v1/users/${id}`, { role, name, email, timezone });
    if (created.status !== 201)
      throw new Error(`could not create ${role}: ${JSON.stringify(created.body)}`);
    if (fields.credits) {
      const granted = await operator.post(`/v1/users/${id}/credits`, { amount: fields.credits });
      if (granted.status !== 201) throw new Error(`no credits: ${JSON.stringify(granted.body)}`);
    }
    return { id, name, email, timezone, api: await as(id, role) };
  };

  /** Makes the client the coach's own, as the back office does (once is enough; again is 200). */
  const assignClient = async (coachId: string, clientId: string) => {
    const assigned = await operator.put(`/v1/coaches/${coachId}/clients/${clientId}`, {});
    if (assigned.status !== 200 && assigned.status !== 201) {
      throw new Error(`could not assign the client: ${JSON.stringify(assigned.body)}`);
    }
  };

  return {
    baseUrl,
    resend,
    assignClient,
    output: service.output,
    operator,
    createUser,
    close: async () => {
      service.child.kill('SIGTERM');
      await service.exitCode;
      await resend.close();
      await database.drop();
    },
  };
}

export type Service = Awaited<ReturnType<typeof startService>>;
