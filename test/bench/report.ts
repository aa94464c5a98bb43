import { cpus, totalmem } from 'node:os';
import type { ListTiming } from './lists.js';
import type { FlowKind, Round } from './load.js';
import type { RssPoint } from './memory.js';
import type { ProcessRole } from './proc-stats.js';
import { median, percentiles, type Percentiles } from './stats.js';

export interface ThroughputRow {
  concurrency: number;
  bare: number[];
  service: number[];
  /** Median over the pairs of service ÷ bare flows/s. */
  ratio: number;
}

export interface LatencyRow {
  concurrency: number;
  kind: FlowKind;
  create: Percentiles;
  accept: Percentiles;
}

export interface Summary {
  machine: { cpus: number; cpuModel: string; memGiB: number; node: string };
  mode: 'quick' | 'full';
  throughput: ThroughputRow[];
  latency: LatencyRow[];
  cpuMsPerFlow: Record<FlowKind, Record<ProcessRole, number>>;
  commitsPerFlow: Record<FlowKind, number>;
  historyEventsPerFlow: Record<FlowKind, number>;
  errors: Record<FlowKind, number>;
  lists: ListTiming[];
  rss: RssPoint[];
  rounds: Omit<Round, 'createMs' | 'acceptMs'>[];
}

const concurrencies = (rounds: Round[]) => [...new Set(rounds.map((r) => r.concurrency))];

function perFlow(rounds: Round[], kind: FlowKind) {
  const mine = rounds.filter((r) => r.kind === kind);
  const flows = mine.reduce((sum, r) => sum + r.flows, 0) || 1;
  const cpu = {} as Record<ProcessRole, number>;
  for (const r of mine)
    for (const [role, ms] of Object.entries(r.cpuMs) as [ProcessRole, number][])
      cpu[role] = (cpu[role] ?? 0) + ms / flows;
  return { cpu, commits: mine.reduce((sum, r) => sum + r.commits, 0) / flows };
}

export function summarize(
  mode: 'quick' | 'full',
  rounds: Round[],
  history: Record<FlowKind, number[]>,
  lists: ListTiming[],
  rss: RssPoint[],
): Summary {
  const of = (kind: FlowKind, c: number) =>
    rounds.filter((r) => r.kind === kind && r.concurrency === c);
  const throughput = concurrencies(rounds).map((concurrency) => {
    const bare = of('bare', concurrency).map((r) => r.flowsPerSecond);
    const service = of('service', concurrency).map((r) => r.flowsPerSecond);
    const ratios = service.map((s, i) => s / (bare[i] ?? NaN));
    return { concurrency, bare, service, ratio: median(ratios) };
  });
  const latency = concurrencies(rounds).flatMap((concurrency) =>
    (['bare', 'service'] as const).map((kind) => ({
      concurrency,
      kind,
      create: percentiles(of(kind, concurrency).flatMap((r) => r.createMs)),
      accept: percentiles(of(kind, concurrency).flatMap((r) => r.acceptMs)),
    })),
  );
  const bare = perFlow(rounds, 'bare');
  const service = perFlow(rounds, 'service');
  const errors = (kind: FlowKind) =>
    rounds.filter((r) => r.kind === kind).reduce((sum, r) => sum + r.errors, 0);
  return {
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memGiB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
    },
    mode,
    throughput,
    latency,
    cpuMsPerFlow: { bare: bare.cpu, service: service.cpu },
    commitsPerFlow: { bare: bare.commits, service: service.commits },
    historyEventsPerFlow: { bare: median(history.bare), service: median(history.service) },
    errors: { bare: errors('bare'), service: errors('service') },
    lists,
    rss,
    rounds: rounds.map(({ createMs: _c, acceptMs: _a, ...rest }) => rest),
  };
}

const f = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '–');
const range = (values: number[]) =>
  values.length === 0 ? '–' : `${f(Math.min(...values))}–${f(Math.max(...values))}`;
const p = (x: Percentiles) => `${f(x.p50, 0)} / ${f(x.p95, 0)} / ${f(x.p99, 0)}`;

/** The summary as Markdown tables, as the README shows them. */
export function formatTables(s: Summary): string {
  const lines = [
    `Machine: ${s.machine.cpus} CPUs (${s.machine.cpuModel}), ${s.machine.memGiB} GiB, Node ${s.machine.node}; ${s.mode} run`,
    '',
    '| concurrency | bare flows/s | service flows/s | service / bare (median of pairs) |',
    '|---|---|---|---|',
    ...s.throughput.map(
      (t) => `| ${t.concurrency} | ${range(t.bare)} | ${range(t.service)} | ${f(t.ratio, 2)} |`,
    ),
    '',
    '| concurrency | flow | create p50 / p95 / p99 ms | accept p50 / p95 / p99 ms |',
    '|---|---|---|---|',
    ...s.latency.map((l) => `| ${l.concurrency} | ${l.kind} | ${p(l.create)} | ${p(l.accept)} |`),
    '',
    '| per flow | bare | service |',
    '|---|---|---|',
  ];
  const roles: ProcessRole[] = ['api', 'worker', 'bareWorker', 'temporal', 'postgres', 'bench'];
  for (const role of roles)
    lines.push(
      `| CPU ms, ${role} | ${f(s.cpuMsPerFlow.bare[role] ?? 0, 0)} | ${f(s.cpuMsPerFlow.service[role] ?? 0, 0)} |`,
    );
  const total = (kind: FlowKind) => Object.values(s.cpuMsPerFlow[kind]).reduce((a, b) => a + b, 0);
  lines.push(
    `| CPU ms, all | ${f(total('bare'), 0)} | ${f(total('service'), 0)} |`,
    `| PostgreSQL commits | ${f(s.commitsPerFlow.bare)} | ${f(s.commitsPerFlow.service)} |`,
    `| history events (invite workflow, median) | ${f(s.historyEventsPerFlow.bare, 0)} | ${f(s.historyEventsPerFlow.service, 0)} |`,
    `| failed flows (whole run) | ${s.errors.bare} | ${s.errors.service} |`,
    '',
    '| list (`?limit=50`) | rows | p50 ms | items | bytes |',
    '|---|---|---|---|---|',
    ...s.lists.map((l) => `| ${l.list} | ${l.rows} | ${f(l.p50Ms)} | ${l.items} | ${l.bytes} |`),
    '',
    '| waiting invites | API RSS MiB | worker RSS MiB | service RSS MiB |',
    '|---|---|---|---|',
    ...s.rss.map(
      (r) => `| ${r.waiting} | ${f(r.apiMiB, 0)} | ${f(r.workerMiB, 0)} | ${f(r.serviceMiB, 0)} |`,
    ),
  );
  return lines.join('\n');
}
