import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webApp, webBuildIsStale, WEB_SOURCES } from '../../src/api/web-app.js';

let dir: string;
let server: Server;
let base: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'web-app-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
  const app = express();
  app.use(webApp(dir));
  app.use((_req, res) => {
    res.status(404).json({ code: 'not_found' });
  });
  server = await new Promise((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

describe('serving the web app', () => {
  it.each(['/', '/invites/6f1c1c33-0d54-4c2b-9a59-6a1b2a4b7a10', '/sessions/x/questionnaire'])(
    'answers index.html for the deep link %s, with the page’s own rules',
    async (path) => {
      const response = await fetch(`${base}${path}`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<title>app</title>');
      expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(response.headers.get('cache-control')).toBe('no-cache');
    },
  );

  it.each([
    '/v1/invites',
    '/v1',
    '/auth/link',
    '/openapi.json',
    '/healthz',
    '/readyz',
    '/metrics',
    '/calendar/abc.ics',
  ])('leaves the service’s own path %s to the API', async (path) => {
    const response = await fetch(`${base}${path}`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ code: 'not_found' });
  });

  it('serves built files, content-named ones as never changing; never answers a change', async () => {
    const asset = await fetch(`${base}/assets/index-abc123.js`);
    expect(await asset.text()).toBe('console.log(1)');
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${base}/invites`, { method: 'POST' })).status).toBe(404);
    const page = await fetch(`${base}/index.html`);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('calls a build stale when it is missing or older than any file under src/web', () => {
    expect(webBuildIsStale(join(dir, 'missing'))).toBe(true);
    const future = new Date(Date.now() + 60_000);
    utimesSync(join(dir, 'index.html'), future, future);
    expect(webBuildIsStale(dir)).toBe(false);
    const past = new Date(Date.now() - 365 * 24 * 3_600_000);
    utimesSync(join(dir, 'index.html'), past, past);
    expect(WEB_SOURCES.endsWith('web')).toBe(true);
    expect(webBuildIsStale(dir)).toBe(true);
  });
});
