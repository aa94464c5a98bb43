import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { connectDatabase } from '../../src/db/client.js';
import { connectTemporal } from '../../src/temporal/client.js';
import { atCleanup, cleanUp } from './cleanup.js';
import {
  emailOutageWindows,
  excusedWindows,
  injectFaults,
  workerKills,
  type FaultRecord,
} from './faults.js';
import { Observations, runFlows } from './flows.js';
import { HttpStats } from './http.js';
import { checkInvariants, timingTally, type CheckContext } from './invariants.js';
import { parseOptions, timingEnv } from './options.js';
import { createPeople } from './people.js';
import { startStack } from './processes.js';
import { sleep } from './random.js';
import { buildReport, formatReport } from './report.js';
import { selfCheck } from './self-check.js';
import { waitUntilSettled } from './settle.js';
import { readRows, readWorkflows } from './snapshot.js';

const GRACE_MS = 5_000;
const log = (line: string) =>
  console.log(`[chaos ${new Date().toISOString().slice(11, 19)}] ${line}`);

/**
 * `npm run chaos`: the service in split mode under a steady mix of flows while its worker,
 * Temporal, PostgreSQL and Resend fail at random moments; then everything is healed, left to
 * settle, and the service's promises are checked in the data. Exits 0 only when none is broken.
 */
async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  const interrupted = new AbortController();
  const stopFlows = new AbortController();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      log(`${signal}: stopping everything the run started`);
      interrupted.abort();
      stopFlows.abort();
      void cleanUp().finally(() => process.exit(130));
    });
  }
  log(
    `seed ${options.seed} (replay with --seed ${options.seed}), ${options.durationMs / 1000}s of flows and faults`,
  );

  const stack = await startStack(timingEnv(options.timings));
  log(`service up in split mode; data and logs in ${stack.dir}`);
  const http = new HttpStats();
  const people = await createPeople({
    apiUrl: stack.apiUrl,
    secret: stack.secret,
    stats: http,
    stop: stopFlows.signal,
    coaches: 10,
    clients: 20,
    credits: 1_000,
  });

  const observations = new Observations();
  const faults: FaultRecord[] = [];
  const startedAt = Date.now();
  const until = startedAt + options.durationMs;
  const seconds = options.durationMs / 1000;
  const flowsDone = runFlows({
    seed: options.seed,
    lanes: options.quick ? 4 : 5,
    maxFlows: Math.ceil(seconds * 1.2),
    until,
    people,
    timings: options.timings,
    observations,
    stop: stopFlows.signal,
  });
  await injectFaults({
    seed: options.seed,
    stack,
    observations,
    infrastructureUntil: until - options.timings.infrastructureQuietMs,
    resendUntil: until - 5_000,
    maxFaults: Math.ceil(seconds / 4),
    infrastructureGapMs: options.quick ? [2_000, 4_000] : [12_000, 30_000],
    resendGapMs: options.quick ? [2_000, 5_000] : [5_000, 20_000],
    resendStretchMs: options.timings.resendStretchMs,
    faults,
    stop: interrupted.signal,
  });
  await sleep(until - Date.now(), interrupted.signal);
  if (interrupted.signal.aborted) return 130;
  log(
    `window closed: ${observations.flows.length} flows finished, ${faults.length} faults; healing`,
  );
  await stack.heal();
  await Promise.race([flowsDone, sleep(options.timings.drainTimeoutMs, interrupted.signal)]);
  stopFlows.abort();
  await flowsDone;
  if (interrupted.signal.aborted) return 130;

  const database = connectDatabase(stack.databaseUrl, { max: 2 });
  atCleanup(database.close);
  const temporal = await connectTemporal(stack.temporalAddress, 'default');
  atCleanup(temporal.close);
  log('flows drained; waiting for the service to settle');
  const settle = await waitUntilSettled({
    client: temporal.client,
    db: database.db,
    resend: stack.resend,
    graceMs: GRACE_MS,
    timeoutMs: options.timings.settleTimeoutMs,
  });

  const snapshot = {
    takenAt: Date.now(),
    ...(await readRows(database.db)),
    resendLog: [...stack.resend.log],
    workflows: await readWorkflows(temporal.client),
  };
  const context: CheckContext = {
    timings: options.timings,
    excused: excusedWindows(faults),
    workerKills: workerKills(faults),
    emailOutages: emailOutageWindows(faults),
    steps: observations.steps,
    graceMs: GRACE_MS,
  };
  const violations = checkInvariants(snapshot, context);
  const report = buildReport({
    options,
    startedAt,
    observations,
    faults,
    http,
    unexpectedExits: stack.unexpectedExits,
    settle,
    violations,
    timing: timingTally(snapshot, context),
  });
  console.log(`\n${formatReport(report)}\n`);
  const out = resolve(options.out ?? join(stack.dir, 'report.json'));
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(join(stack.dir, 'resend-log.json'), JSON.stringify(snapshot.resendLog));
  log(`report written to ${out}`);

  let selfCheckFailed = false;
  if (options.selfCheck) {
    const rows = await selfCheck(database.db, snapshot, context);
    console.log('\nself-check: each invariant against data broken on purpose (rolled back)');
    for (const row of rows) {
      const verdict =
        row.after === null ? 'no data to break' : row.after > row.before ? 'caught' : 'MISSED';
      console.log(
        `  ${row.invariant.padEnd(42)} ${String(row.before).padStart(3)} -> ${String(row.after ?? '-').padStart(3)}  ${verdict}`,
      );
      if (row.after !== null && row.after <= row.before) selfCheckFailed = true;
    }
  }

  const throughFlows = observations.flows.filter((f) => f.outcome === 'done').length;
  if (throughFlows === 0) log('no flow got through: the run proves nothing');
  const clean = report.clean && throughFlows > 0 && !selfCheckFailed;
  await cleanUp();
  if (clean && !options.keep) {
    for (const data of ['postgres', 'temporal'])
      rmSync(join(stack.dir, data), { recursive: true, force: true });
  }
  log(clean ? 'clean: every invariant held' : 'NOT clean: see the violations above');
  return clean ? 0 : 1;
}

main()
  .then(async (code) => {
    await cleanUp();
    process.exit(code);
  })
  .catch(async (error: unknown) => {
    console.error('chaos run crashed:', error);
    await cleanUp();
    process.exit(1);
  });
