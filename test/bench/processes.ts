import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../src/db/embedded.js';
import { connectTemporal } from '../../src/temporal/client.js';
import { freePort, startDevServer, type DevServer } from '../../src/temporal/dev-server.js';
import { ensureSearchAttributes } from '../../src/temporal/ensure-search-attributes.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const START_TIMEOUT_MS = 120_000;

/** A Node entry point as a child process, logging to `logPath`, ready once `ready` holds. */
async function startNode(
  script: string,
  env: NodeJS.ProcessEnv,
  logPath: string,
  ready: (line: string) => boolean | Promise<boolean>,
): Promise<ChildProcess> {
  // BENCH_CPU_PROFILE_DIR: each process writes a V8 CPU profile there when it exits.
  const profileDir = process.env.BENCH_CPU_PROFILE_DIR;
  const profile = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', script], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = createWriteStream(logPath, { flags: 'a' });
  child.stderr!.pipe(log, { end: false });
  child.stdout!.pipe(log, { end: false });
  // Lines are read only until the process is ready: what it prints later goes to its log
  // untouched, costing the runner no CPU beside what it measures.
  let seen = false;
  let pending = '';
  const readLines = (chunk: Buffer) => {
    const lines = (pending + chunk.toString('utf8')).split('\n');
    pending = lines.pop()!;
    for (const line of lines) void Promise.resolve(ready(line)).then((ok) => (seen ||= ok));
  };
  child.stdout!.on('data', readLines);
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (!seen) {
    if (child.exitCode !== null) throw new Error(`${script} exited at start; see ${logPath}`);
    if (Date.now() > deadline) throw new Error(`${script} did not start; see ${logPath}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.stdout!.off('data', readLines);
  return child;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const forced = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(forced);
}

/**
 * The service split in processes on 127.0.0.1 with free ports and a temporary data folder: the
 * embedded PostgreSQL, the Temporal dev server (SQLite, as `npm start` runs it), the API and the
 * worker (`src/main/api.ts`, `src/main/worker.ts`, log transport for emails), and the bare
 * workflow's worker. `stop()` ends them all and removes the folder.
 */
export async function startStack() {
  const dir = mkdtempSync(join(tmpdir(), 'coach-bench-'));
  chmodSync(dir, 0o755); // as root, PostgreSQL runs as `postgres` and must reach its folder
  const secret = randomBytes(32).toString('hex');
  const [postgresPort, temporalPort, apiPort] = [
    await freePort(),
    await freePort(),
    await freePort(),
  ];
  let postgres: EmbeddedDatabase | null = null;
  let temporal: DevServer | null = null;
  const children: ChildProcess[] = [];
  const stop = async () => {
    await Promise.allSettled(children.map(stopChild));
    await Promise.allSettled([temporal?.stop(), postgres?.stop()]);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    [postgres, temporal] = await Promise.all([
      startEmbeddedPostgres(dir, postgresPort),
      startDevServer({ dataDir: join(dir, 'temporal'), port: temporalPort }),
    ]);
    const admin = await connectTemporal(temporal.address, 'default');
    await ensureSearchAttributes(admin.connection, 'default').finally(() => admin.close());
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      // As production runs it: among others, React renders the emails with its production build.
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
      DATABASE_URL: postgres.url,
      TEMPORAL_ADDRESS: temporal.address,
      PORT: String(apiPort),
      AUTH_JWT_SECRET: secret,
      APP_URL: apiUrl,
      RESEND_API_KEY: '',
    };
    const healthy = async () =>
      fetch(`${apiUrl}/healthz`).then(
        (res) => res.ok,
        () => false,
      );
    // The API applies the migrations; the worker's first activity comes after the first request.
    const api = startNode('src/main/api.ts', env, join(dir, 'api.log'), () => healthy());
    const startWorker = () =>
      startNode('src/main/worker.ts', env, join(dir, 'worker.log'), (line) =>
        line.includes('worker polling'),
      );
    const bare = startNode('test/bench/bare-worker.ts', env, join(dir, 'bare.log'), (line) =>
      line.includes('bare worker polling'),
    );
    let worker = await startWorker();
    children.push(await api, worker, await bare);
    return {
      dir,
      secret,
      apiUrl,
      databaseUrl: postgres.url,
      temporalAddress: temporal.address,
      stop,
      /** A fresh worker process: its workflow cache starts empty. */
      async restartWorker() {
        await stopChild(worker);
        children.splice(children.indexOf(worker), 1);
        worker = await startWorker();
        children.push(worker);
      },
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

export type Stack = Awaited<ReturnType<typeof startStack>>;
