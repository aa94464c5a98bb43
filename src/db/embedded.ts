import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

const serverScript = fileURLToPath(new URL('./embedded-server.ts', import.meta.url));

/** Starts the embedded PostgreSQL in its own process, persisted under `dataDir/postgres`. */
export async function startEmbeddedPostgres(
  dataDir: string,
  port: number,
): Promise<EmbeddedDatabase> {
  const child = spawn(process.execPath, ['--import', 'tsx', serverScript, dataDir, String(port)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const url = await new Promise<string>((ready, fail) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      if (line.startsWith('ready ')) ready(line.slice('ready '.length));
    });
    child.once('exit', (code) =>
      fail(new Error(`Embedded PostgreSQL exited with ${code} before it was ready`)),
    );
  });
  return {
    url,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
