import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface BenchOptions {
  quick: boolean;
  out: string;
  /** Seconds each load round runs before its lanes stop taking new flows. */
  roundSeconds: number;
  /** Seconds of the unmeasured round of each kind before a concurrency's pairs. */
  warmupSeconds: number;
  /** Bare/service pairs per concurrency. */
  pairs: Record<number, number>;
  /** Waiting invites at which the service's RSS is read (0 is read at start). */
  waitingCounts: number[];
  listRows: number[];
  listRepeats: number;
}

/** `--quick` (about two minutes) or the full run; `--out <file.json>` (SVG beside it). */
export function parseOptions(argv: string[]): BenchOptions {
  const quick = argv.includes('--quick');
  const outAt = argv.indexOf('--out');
  const out =
    outAt >= 0 && argv[outAt + 1]
      ? argv[outAt + 1]!
      : join(tmpdir(), `coach-bench-${quick ? 'quick' : 'full'}-${Date.now()}.json`);
  return {
    quick,
    out,
    roundSeconds: quick ? 5 : 15,
    warmupSeconds: quick ? 2 : 5,
    pairs: quick ? { 1: 1, 8: 1, 32: 1 } : { 1: 2, 8: 5, 32: 5 },
    waitingCounts: quick ? [100, 400] : [1_000, 5_000],
    listRows: [100, 10_000],
    listRepeats: quick ? 15 : 40,
  };
}
