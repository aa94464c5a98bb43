import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import { eventually, TEST_SECRET } from './harness.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * One of the service's entry points (`src/main/*.ts`) as its own process, as `npm run` starts it,
 * with its stdout and stderr collected. AUTH_JWT_SECRET comes only from `env`.
 */
export function spawnService(entry: string, env: Record<string, string | undefined>) {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, AUTH_JWT_SECRET: undefined, ...env },
  });
  let output = '';
  let closed = false;
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  /** The exit code once the process ended and its output was read to the end. */
  const exitCode = new Promise<number | null>((resolve) =>
    child.once('close', (code) => {
      closed = true;
      resolve(code);
    }),
  );
  return {
    child,
    exitCode,
    output: () => output,
    /** Waits until the output contains `text`; fails at once, showing the output, if it exits. */
    waitFor: (text: string) =>
      eventually(async () => {
        if (closed) throw new Error(`${entry} exited before "${text}":\n${output}`);
        return output.includes(text);
      }, 60_000),
  };
}

export type ServiceProcess = ReturnType<typeof spawnService>;

/** What `npm run worker` needs to serve a test harness's database, task queue and fake Resend. */
export function workerEnv(h: {
  database: { url: string };
  config: { taskQueue: string; appUrl: string };
  resend: { url: string };
}): Record<string, string> {
  return {
    DATABASE_URL: h.database.url,
    TEMPORAL_ADDRESS: inject('temporalAddress'),
    TEMPORAL_TASK_QUEUE: h.config.taskQueue,
    AUTH_JWT_SECRET: TEST_SECRET,
    RESEND_API_KEY: 're_test_key',
    RESEND_BASE_URL: h.resend.url,
    APP_URL: h.config.appUrl,
    LOG_LEVEL: 'info',
  };
}
