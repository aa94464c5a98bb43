import { FAULT_KINDS, type FaultRecord } from './faults.js';
import { FLOW_KINDS, type FlowOutcome, type Observations } from './flows.js';
import type { TimingTally } from './check-timing.js';
import type { HttpStats } from './http.js';
import { INVARIANTS, type Invariant, type Violations } from './invariants.js';
import type { ChaosOptions } from './options.js';
import type { UnexpectedExit } from './processes.js';
import type { SettleResult } from './settle.js';

const OUTCOMES: FlowOutcome[] = ['done', 'refused', 'failed', 'aborted'];
const EXAMPLES = 5;

export function buildReport(input: {
  options: ChaosOptions;
  startedAt: number;
  observations: Observations;
  faults: FaultRecord[];
  http: HttpStats;
  unexpectedExits: UnexpectedExit[];
  settle: SettleResult;
  violations: Violations;
  timing: TimingTally;
}) {
  const { observations, faults, violations } = input;
  const flows = Object.fromEntries(
    FLOW_KINDS.map((kind) => {
      const ofKind = observations.flows.filter((f) => f.kind === kind);
      return [
        kind,
        {
          started: ofKind.length,
          ...Object.fromEntries(
            OUTCOMES.map((o) => [o, ofKind.filter((f) => f.outcome === o).length]),
          ),
        },
      ];
    }),
  ) as Record<string, Record<'started' | FlowOutcome, number>>;
  const reasons: Record<string, number> = {};
  for (const flow of observations.flows) {
    if (flow.reason)
      reasons[`${flow.kind}: ${flow.reason}`] = (reasons[`${flow.kind}: ${flow.reason}`] ?? 0) + 1;
  }
  const counts = Object.fromEntries(
    (Object.keys(INVARIANTS) as Invariant[]).map((k) => [INVARIANTS[k], violations[k].length]),
  );
  return {
    seed: input.options.seed,
    durationMs: input.options.durationMs,
    quick: input.options.quick,
    startedAt: new Date(input.startedAt).toISOString(),
    finishedAt: new Date().toISOString(),
    timings: input.options.timings,
    flows,
    flowsNotThrough: reasons,
    faults: Object.fromEntries(
      FAULT_KINDS.map((k) => [k, faults.filter((f) => f.kind === k).length]),
    ),
    faultTimeline: [...faults]
      .sort((a, b) => a.at - b.at)
      .map((f) => ({
        kind: f.kind,
        at: new Date(f.at).toISOString(),
        recoveredAt: new Date(f.recoveredAt).toISOString(),
      })),
    processExitsNotCausedByTheRun: input.unexpectedExits.map((e) => ({
      ...e,
      at: new Date(e.at).toISOString(),
    })),
    http: {
      answers: Object.fromEntries(input.http.statuses),
      retried: input.http.retried,
      gaveUp: input.http.gaveUp,
    },
    settle: input.settle,
    timing: input.timing,
    violations: counts,
    examples: Object.fromEntries(
      (Object.keys(INVARIANTS) as Invariant[])
        .filter((k) => violations[k].length > 0)
        .map((k) => [INVARIANTS[k], violations[k].slice(0, EXAMPLES)]),
    ),
    clean: Object.values(counts).every((count) => count === 0),
  };
}

export type Report = ReturnType<typeof buildReport>;

function table(header: string[], rows: (string | number)[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells: (string | number)[]) =>
    cells
      .map((c, i) => (i === 0 ? String(c).padEnd(widths[i]!) : String(c).padStart(widths[i]!)))
      .join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export function formatReport(report: Report): string {
  const flowRows = Object.entries(report.flows).map(([kind, c]) => [
    kind,
    c.started,
    c.done,
    c.refused,
    c.failed,
    c.aborted,
  ]);
  const total = (k: 'started' | FlowOutcome) =>
    Object.values(report.flows).reduce((sum, c) => sum + c[k], 0);
  flowRows.push([
    'all flows',
    total('started'),
    total('done'),
    total('refused'),
    total('failed'),
    total('aborted'),
  ]);
  const faultRows = Object.entries(report.faults).map(([k, n]) => [k, n]);
  faultRows.push(['all faults', Object.values(report.faults).reduce((a, b) => a + b, 0)]);
  const parts = [
    `seed ${report.seed}, ${report.durationMs / 1000}s of flows and faults; ` +
      `settled: ${report.settle.settled ? 'yes' : 'NO'} after ${(report.settle.waitedMs / 1000).toFixed(0)}s`,
    '',
    table(['flow', 'started', 'done', 'refused', 'failed', 'aborted'], flowRows),
    '',
    table(['fault injected', 'count'], faultRows),
    '',
    table(
      ['invariant', 'violations'],
      Object.entries(report.violations).map(([k, n]) => [k, n]),
    ),
    '',
    `held to a few seconds: ${report.timing.remindersDue - report.timing.remindersExcusedByFaults}` +
      ` of ${report.timing.remindersDue} reminders due,` +
      ` ${report.timing.expiries - report.timing.expiriesNearFaults} of ${report.timing.expiries}` +
      ` expiries (the rest were due near a fault and given until it passed)`,
  ];
  const notThrough = Object.entries(report.flowsNotThrough).sort((a, b) => b[1] - a[1]);
  if (notThrough.length)
    parts.push(
      '',
      'flows that did not get through:',
      ...notThrough.map(([r, n]) => `  ${n} × ${r}`),
    );
  if (report.processExitsNotCausedByTheRun.length)
    parts.push(
      '',
      'processes that exited on their own (restarted):',
      ...report.processExitsNotCausedByTheRun.map(
        (e) =>
          `  ${e.name} at ${e.at}: ${e.code ?? e.signal}${e.whileStarting ? ' while starting' : ''}`,
      ),
    );
  if (!report.settle.settled)
    parts.push(
      '',
      `not settled: ${report.settle.busyWorkflows} workflows busy, ${report.settle.overdueInvites} invites past due`,
    );
  for (const [name, examples] of Object.entries(report.examples))
    parts.push('', `${name}:`, ...examples.map((e) => `  ${e}`));
  return parts.join('\n');
}
