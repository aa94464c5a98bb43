import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, openSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { Connection } from '@temporalio/client';
import { resolveTemporalBinary } from './binaries.js';
import { devServerSearchAttributeArgs } from './ensure-search-attributes.js';

export interface DevServer {
  address: string;
  uiUrl: string | null;
  stop(): Promise<void>;
}

export interface DevServerOptions {
  /** Persist under this folder; in memory when unset. */
  dataDir?: string;
  port?: number;
  uiPort?: number | null;
  namespace?: string;
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitUntilServing(address: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`Temporal dev server exited with ${child.exitCode}`);
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1_000 });
      try {
        await connection.workflowService.getSystemInfo({});
        return;
      } finally {
        await connection.close();
      }
    } catch (error) {
      if (Date.now() > deadline)
        throw new Error(`Temporal dev server at ${address} did not start`, { cause: error });
      await new Promise((done) => setTimeout(done, 250));
    }
  }
}

/** Starts the real Temporal dev server (with its UI when `uiPort` is set) and waits until it serves. */
export async function startDevServer(options: DevServerOptions = {}): Promise<DevServer> {
  const binary = resolveTemporalBinary('cli');
  const port = options.port ?? (await freePort());
  const args = [
    'server',
    'start-dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(port),
    '--namespace',
    options.namespace ?? 'default',
    '--log-level',
    'error',
    '--dynamic-config-value',
    'frontend.enableExecuteMultiOperation=true',
    // A worker that completes a workflow task may take the activities it schedules at once,
    // without a round trip through the task queue (off by default in the dev server).
    '--dynamic-config-value',
    'system.enableActivityEagerExecution=true',
    ...devServerSearchAttributeArgs(),
  ];
  if (options.uiPort) args.push('--ui-port', String(options.uiPort));
  else args.push('--headless');
  let stdio: 'ignore' | number = 'ignore';
  if (options.dataDir) {
    const dir = resolve(options.dataDir);
    mkdirSync(dir, { recursive: true });
    args.push('--db-filename', join(dir, 'temporal.db'));
    args.push('--sqlite-pragma', 'journal_mode=WAL', '--sqlite-pragma', 'synchronous=OFF');
    stdio = openSync(join(dir, 'temporal.log'), 'a');
  }
  const child = spawn(binary, args, { stdio: ['ignore', stdio, stdio] });
  const address = `127.0.0.1:${port}`;
  await waitUntilServing(address, child);
  return {
    address,
    uiUrl: options.uiPort ? `http://127.0.0.1:${options.uiPort}` : null,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }),
  };
}
