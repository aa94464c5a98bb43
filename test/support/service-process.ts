import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { eventually } from './harness.js';

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
