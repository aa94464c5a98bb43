import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client, Connection } from '@temporalio/client';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app.js';
import { loadConfig } from '../../src/config.js';
import { connectDatabase } from '../../src/db/client.js';
import { freePort } from '../../src/temporal/dev-server.js';
import { httpClient } from '../support/http.js';

let server: Server;
let close: () => Promise<void>;

beforeAll(async () => {
  // Real clients pointed at ports where nothing listens: what the API sees when both are down.
  const port = await freePort();
  const database = connectDatabase(`postgres://postgres@127.0.0.1:${port}/none`, { max: 1 });
  const connection = Connection.lazy({ address: `127.0.0.1:${port}`, connectTimeout: 500 });
  const app = createApp({
    db: database.db,
    temporal: new Client({ connection }),
    config: { ...loadConfig({}), authJwtSecret: 'readiness-test' },
    clock: () => new Date(),
    email: { send: () => Promise.reject(new Error('no email in this test')) },
    logger: pino({ level: 'silent' }),
    readiness: {
      postgres: database.ping,
      temporal: async () => {
        await connection.workflowService.getSystemInfo({});
      },
    },
  });
  server = await new Promise((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  close = async () => {
    await new Promise((resolve) => server.close(resolve));
    await database.close();
  };
});
afterAll(() => close());

describe('readiness without its dependencies', () => {
  it('answers /readyz 503 naming what is down, while /healthz stays 200', async () => {
    const api = httpClient(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    expect(await api.get('/readyz')).toMatchObject({
      status: 503,
      body: { status: 'unavailable', checks: { postgres: false, temporal: false } },
    });
    expect((await api.get('/healthz')).status).toBe(200);
  });
});
