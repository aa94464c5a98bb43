import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, createWriteStream, mkdtempSync, type WriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../src/db/embedded.js';
import { connectTemporal } from '../../src/temporal/client.js';
import { freePort, startDevServer, type DevServer } from '../../src/temporal/dev-server.js';
import { ensureSearchAttributes } from '../../src/temporal/ensure-search-attributes.js';
import { atCleanup } from './cleanup.js';
import { startChaosResend, type ChaosResend } from './fake-resend.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const HOST = '127.0.0.1';

export interface UnexpectedExit {
  name: string;
  at: number;
  code: number | null;
  signal: string | null;
  /** Whether it died while starting (and was tried again) rather than while serving. */
  whileStarting: boolean;
}

const START_ATTEMPTS = 3;

/**
 * A Node entry point of the service (`src/main/api.ts` or `src/main/worker.ts`) as a child process
 * of its own, logging into the run's folder. It is ready when `ready` says so; an exit the run did
 * not cause, or a failed start, is recorded and the process started again, as a supervisor would.
 */
class ServiceProcess {
  private child: ChildProcess | null = null;
  private expectingExit = false;
  private log: WriteStream;
  private starting: Promise<void> | null = null;
  private retired = false;

  constructor(
    readonly name: string,
    private readonly script: string,
    private readonly env: () => NodeJS.ProcessEnv,
    private readonly ready: (line: string) => Promise<boolean> | boolean,
    private readonly readyProbe: (() => Promise<boolean>) | null,
    logPath: string,
    private readonly unexpected: UnexpectedExit[],
  ) {
    this.log = createWriteStream(logPath, { flags: 'a' });
  }

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  start(): Promise<void> {
    this.starting ??= this.startWithRetries().finally(() => (this.starting = null));
    return this.starting;
  }

  private async startWithRetries(): Promise<void> {
    for (let attempt = 1; !this.retired; attempt++) {
      try {
        return await this.spawnAndWait();
      } catch (error) {
        const child = this.child;
        this.unexpected.push({
          name: this.name,
          at: Date.now(),
          code: child?.exitCode ?? null,
          signal: child?.signalCode ?? null,
          whileStarting: true,
        });
        await this.stopWith('SIGKILL');
        if (attempt >= START_ATTEMPTS) throw error;
        await new Promise((resolve) => setTimeout(resolve, 2_000));
      }
    }
  }

  private async spawnAndWait(): Promise<void> {
    this.expectingExit = false;
    const child = spawn(process.execPath, ['--import', 'tsx', this.script], {
      cwd: root,
      env: this.env(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.log.write(`--- ${new Date().toISOString()} start pid ${child.pid}\n`);
    child.stderr!.pipe(this.log, { end: false });
    let readySeen = false;
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      this.log.write(`${line}\n`);
      if (!readySeen) void Promise.resolve(this.ready(line)).then((ok) => (readySeen ||= ok));
    });
    let serving = false;
    child.once('exit', (code, signal) => {
      this.log.write(`--- ${new Date().toISOString()} exit ${code ?? signal}\n`);
      if (this.child !== child || this.expectingExit || !serving) return;
      this.unexpected.push({ name: this.name, at: Date.now(), code, signal, whileStarting: false });
      this.child = null;
      setTimeout(() => void this.start().catch(() => undefined), 1_000);
    });
    const deadline = Date.now() + 90_000;
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null)
        throw new Error(`${this.name} exited during start; see ${this.log.path}`);
      if (readySeen || (this.readyProbe && (await this.readyProbe()))) {
        serving = true;
        return;
      }
      if (Date.now() > deadline)
        throw new Error(`${this.name} did not start; see ${this.log.path}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /** SIGKILL: no drain, no goodbye, as a crashed machine would go. */
  async kill(): Promise<void> {
    await this.starting?.catch(() => undefined);
    await this.stopWith('SIGKILL');
  }

  /** SIGTERM for good: the service drains and is never started again. */
  async retire(): Promise<void> {
    this.retired = true;
    await this.starting?.catch(() => undefined);
    await this.stopWith('SIGTERM');
  }

  private async stopWith(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    this.expectingExit = true;
    this.child = null;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill(signal);
    const forced = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(forced);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.log.end(resolve));
  }
}

/**
 * The service in split mode on 127.0.0.1, each part a process the run controls: PostgreSQL (the
 * project's embedded binaries, data in the run's folder), a Temporal dev server persisted to
 * SQLite, the API, the worker, and a fake Resend inside this process.
 */
export async function startStack(env: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'coach-chaos-'));
  // As root PostgreSQL runs as the `postgres` user, which must reach its data folder in here.
  chmodSync(dir, 0o755);
  const secret = randomBytes(32).toString('hex');
  const [postgresPort, temporalPort, apiPort] = [
    await freePort(),
    await freePort(),
    await freePort(),
  ];
  const unexpectedExits: UnexpectedExit[] = [];

  let postgres: EmbeddedDatabase | null = null;
  let temporal: DevServer | null = null;
  let resend: ChaosResend | null = null;
  const services: ServiceProcess[] = [];

  let stopped = false;
  const stopAll = async () => {
    stopped = true;
    await Promise.allSettled(services.map((service) => service.retire()));
    await Promise.allSettled([temporal?.stop(), postgres?.stop(), resend?.close()]);
    await Promise.allSettled(services.map((service) => service.close()));
    temporal = null;
    postgres = null;
  };
  atCleanup(stopAll);

  try {
    // A server that comes up while the run is stopping is stopped at once, never left behind.
    const startPostgres = async () => {
      if (stopped) throw new Error('the run is stopping');
      const started = await startEmbeddedPostgres(dir, postgresPort);
      if (stopped) await started.stop();
      else postgres = started;
      return started.url;
    };
    const startTemporal = async () => {
      if (stopped) throw new Error('the run is stopping');
      const started = await startDevServer({ dataDir: join(dir, 'temporal'), port: temporalPort });
      if (stopped) await started.stop();
      else temporal = started;
      return started.address;
    };
    const [databaseUrl, temporalAddress, fakeResend] = await Promise.all([
      startPostgres(),
      startTemporal(),
      startChaosResend(),
    ]);
    resend = fakeResend;
    const admin = await connectTemporal(temporalAddress, 'default');
    await ensureSearchAttributes(admin.connection, 'default').finally(() => admin.close());

    const apiUrl = `http://${HOST}:${apiPort}`;
    const serviceEnv = (): NodeJS.ProcessEnv => ({
      ...process.env,
      ...env,
      NODE_ENV: 'development',
      LOG_LEVEL: 'info',
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: temporalAddress,
      PORT: String(apiPort),
      AUTH_JWT_SECRET: secret,
      RESEND_API_KEY: 're_chaos_fake_key',
      RESEND_BASE_URL: fakeResend.url,
      APP_URL: apiUrl,
    });
    const healthy = async () => {
      try {
        return (await fetch(`${apiUrl}/healthz`, { signal: AbortSignal.timeout(1_000) })).ok;
      } catch {
        return false;
      }
    };
    const api = new ServiceProcess(
      'api',
      'src/main/api.ts',
      serviceEnv,
      () => false,
      healthy,
      join(dir, 'api.log'),
      unexpectedExits,
    );
    const worker = new ServiceProcess(
      'worker',
      'src/main/worker.ts',
      serviceEnv,
      (line) => line.includes('worker polling'),
      null,
      join(dir, 'worker.log'),
      unexpectedExits,
    );
    services.push(api, worker);
    // The API applies the migrations; no activity runs before the first flow, after the API is up.
    await Promise.all([api.start(), worker.start()]);

    return {
      dir,
      secret,
      databaseUrl,
      temporalAddress,
      apiUrl,
      resend: fakeResend,
      unexpectedExits,
      worker,
      api,
      async restartTemporal(downMs: number) {
        await temporal?.stop();
        temporal = null;
        await new Promise((resolve) => setTimeout(resolve, downMs));
        await startTemporal();
      },
      async restartPostgres(downMs: number) {
        await postgres?.stop();
        postgres = null;
        await new Promise((resolve) => setTimeout(resolve, downMs));
        await startPostgres();
      },
      /** Everything up and Resend answering: the state the checks expect to settle in. */
      async heal() {
        fakeResend.setMode('ok');
        if (!postgres) await startPostgres();
        if (!temporal) await startTemporal();
        if (!api.running) await api.start();
        if (!worker.running) await worker.start();
      },
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

export type Stack = Awaited<ReturnType<typeof startStack>>;
