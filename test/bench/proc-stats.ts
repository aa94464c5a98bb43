import { readdirSync, readFileSync } from 'node:fs';

/** The processes the benchmark measures, by what they run. */
export type ProcessRole = 'api' | 'worker' | 'bareWorker' | 'temporal' | 'postgres' | 'bench';

const TICK_MS = 10; // USER_HZ is 100 on Linux

interface ProcInfo {
  pid: number;
  ppid: number;
  ticks: number;
  rssKiB: number;
  cmdline: string;
}

function readProc(pid: number): ProcInfo | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which may itself hold spaces and parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
    const rss = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return {
      pid,
      ppid: Number(fields[1]),
      // utime + stime of the live process (exited children are not the ones that work).
      ticks: Number(fields[11]) + Number(fields[12]),
      rssKiB: rss ? Number(rss[1]) : 0,
      cmdline,
    };
  } catch {
    return null; // gone between listing and reading
  }
}

function roleOf(info: ProcInfo): ProcessRole | null {
  if (info.pid === process.pid) return 'bench';
  if (info.cmdline.includes('src/main/api.ts')) return 'api';
  if (info.cmdline.includes('src/main/worker.ts')) return 'worker';
  if (info.cmdline.includes('test/bench/bare-worker.ts')) return 'bareWorker';
  if (info.cmdline.includes('start-dev')) return 'temporal';
  if (/(^|\/)postgres\b|^postgres:/.test(info.cmdline)) return 'postgres';
  return null;
}

export interface Sample {
  cpuMs: Record<ProcessRole, number>;
  rssMiB: Record<ProcessRole, number>;
}

/** CPU time and RSS of this process and its descendants, summed by role. */
export function sample(): Sample {
  const all = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readProc(Number(name)))
    .filter((info): info is ProcInfo => info !== null);
  const children = new Map<number, ProcInfo[]>();
  for (const info of all) children.set(info.ppid, [...(children.get(info.ppid) ?? []), info]);
  const zero = () => ({ api: 0, worker: 0, bareWorker: 0, temporal: 0, postgres: 0, bench: 0 });
  const result: Sample = { cpuMs: zero(), rssMiB: zero() };
  const self = all.find((info) => info.pid === process.pid);
  const queue = self ? [self] : [];
  while (queue.length > 0) {
    const info = queue.pop()!;
    queue.push(...(children.get(info.pid) ?? []));
    const role = roleOf(info);
    if (!role) continue;
    result.cpuMs[role] += info.ticks * TICK_MS;
    result.rssMiB[role] += info.rssKiB / 1024;
  }
  return result;
}

export function cpuDelta(before: Sample, after: Sample): Record<ProcessRole, number> {
  const out = { ...after.cpuMs };
  for (const key of Object.keys(out) as ProcessRole[]) out[key] -= before.cpuMs[key];
  return out;
}
