import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import postgres from 'postgres';
import { format, resolveConfig } from 'prettier';
import { connectTemporal } from '../../src/temporal/client.js';
import { drawChart } from './chart.js';
import { timeListPages } from './lists.js';
import { historyEvents, runRound, type FlowKind, type LoadContext, type Round } from './load.js';
import { rssWithWaitingInvites, serviceRss } from './memory.js';
import { parseOptions } from './options.js';
import { makePairs } from './people.js';
import { startStack, type Stack } from './processes.js';
import { formatTables, summarize } from './report.js';

const CONCURRENCIES = [1, 8, 32];

/** `npm run bench [-- --quick] [-- --out file.json]`: see the README's "Benchmark". */
async function main() {
  const options = parseOptions(process.argv.slice(2));
  const watchdog = setTimeout(
    () => void stopAndExit('the run took too long', 1),
    (options.quick ? 8 : 40) * 60_000,
  );
  const log = (line: string) =>
    console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);
  log(`starting the service and the bare worker (${options.quick ? 'quick' : 'full'} run)`);
  stack = await startStack();
  log(`logs and data in ${stack.dir}`);
  // The service's own client: the runner's Temporal calls cost it as little as the API's do.
  const { client: temporal, close: closeTemporal } = await connectTemporal(
    stack.temporalAddress,
    'default',
  );
  const sql = postgres(stack.databaseUrl, { max: 2, onnotice: () => {} });
  try {
    const pairs = await makePairs(stack, Math.max(...CONCURRENCIES), 10_000);
    const ctx: LoadContext = { stack, temporal, sql, pairs };
    const rounds: Round[] = [];
    for (const concurrency of CONCURRENCIES) {
      // Unmeasured rounds at this concurrency first, each kind: what a level first meets (new
      // pool connections and their PostgreSQL backends, a fuller workflow cache, the JIT) is
      // warm-up, not steady throughput.
      for (const kind of ['bare', 'service'] as const)
        await runRound(ctx, kind, concurrency, options.warmupSeconds);
      for (let pair = 0; pair < options.pairs[concurrency]!; pair++) {
        // Alternate which kind goes first so neither always meets the other's leftovers.
        const order: FlowKind[] = pair % 2 === 0 ? ['bare', 'service'] : ['service', 'bare'];
        for (const kind of order) {
          const round = await runRound(ctx, kind, concurrency, options.roundSeconds);
          rounds.push(round);
          log(
            `c=${concurrency} ${kind}: ${round.flows} flows, ${round.flowsPerSecond.toFixed(2)}/s, ${round.errors} errors` +
              (round.firstError ? ` (first: ${round.firstError.slice(0, 200)})` : ''),
          );
        }
      }
    }
    const history: Record<FlowKind, number[]> = { bare: [], service: [] };
    for (const round of rounds.filter((r) => r.concurrency === 8))
      history[round.kind].push(...(await historyEvents(temporal, round)));

    log('timing list pages');
    const lists = await timeListPages(stack, sql, options.listRows, options.listRepeats);

    log(
      `restarting the worker, then creating ${options.waitingCounts.join(' and ')} waiting invites`,
    );
    await stack.restartWorker();
    const rss = [
      serviceRss(0),
      ...(await rssWithWaitingInvites(stack, pairs, options.waitingCounts)),
    ];

    const summary = summarize(options.quick ? 'quick' : 'full', rounds, history, lists, rss);
    mkdirSync(dirname(options.out), { recursive: true });
    // Formatted as the repo's Prettier check wants it, so committed results pass `npm run lint`.
    const config = await resolveConfig(options.out);
    writeFileSync(
      options.out,
      await format(JSON.stringify(summary), { ...config, parser: 'json' }),
    );
    const svg = options.out.replace(/\.json$/, '') + '.svg';
    writeFileSync(svg, drawChart(summary));
    console.log(`\n${formatTables(summary)}\n\nfigures: ${options.out}\nchart:   ${svg}`);
  } finally {
    clearTimeout(watchdog);
    await sql.end({ timeout: 5 });
    await closeTemporal();
  }
}

let stack: Stack | null = null;
let stopping = false;

async function stopAndExit(why: string, code: number) {
  if (stopping) return;
  stopping = true;
  if (why) console.error(`bench: ${why}`);
  await stack?.stop().catch((error: unknown) => console.error('cleanup failed:', error));
  process.exit(code);
}

process.once('SIGINT', () => void stopAndExit('interrupted', 130));
process.once('SIGTERM', () => void stopAndExit('terminated', 143));

main().then(
  () => stopAndExit('', 0),
  (error: unknown) =>
    stopAndExit(error instanceof Error ? (error.stack ?? error.message) : String(error), 1),
);
