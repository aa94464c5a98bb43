import { parseArgs } from 'node:util';
import { randomInt } from 'node:crypto';
import { parseDuration } from '../../src/domain/duration.js';

export interface ChaosOptions {
  seed: number;
  durationMs: number;
  quick: boolean;
  out: string | undefined;
  keep: boolean;
  selfCheck: boolean;
  timings: ServiceTimings;
}

/**
 * The service's timing settings for the run, short enough that reminders and expiries happen in
 * it, long enough that a reminder has time to go out before the expiry after a worker's SIGKILL.
 */
export interface ServiceTimings {
  inviteTtlMs: number;
  inviteReminderBeforeMs: number;
  cancellationWindowMs: number;
  questionnaireRemindersMs: number[];
  /**
   * How long the settle phase may wait before the invariants are checked anyway: an email retried
   * through long Resend stretches may wait minutes for its next attempt (backoff up to 5 min).
   */
  settleTimeoutMs: number;
  /** How long flows still running when the window closes may take to finish. */
  drainTimeoutMs: number;
  /** How long the fake Resend misbehaves at a stretch. */
  resendStretchMs: [number, number];
  /**
   * The end of the window without worker, Temporal or PostgreSQL faults: an activity in flight in
   * a killed worker is retried only after its start-to-close timeout (up to 1 minute for emails).
   */
  infrastructureQuietMs: number;
}

const USAGE = `npm run chaos -- [--duration 5m] [--quick] [--seed N] [--out file.json] [--keep] [--self-check]

  --duration   how long flows run and faults are injected (default 5m; e.g. 60s, 90s, 10m)
  --quick      the CI run: --duration 50s with shorter timings (under 2 minutes in all); any
               duration up to 90s uses the same timings
  --seed       the random seed for flows and faults (printed at start; default random)
  --out        where to write the report as JSON (default: report.json in the run's temp folder)
  --keep       keep the run's temp folder (data and logs) after a clean run
  --self-check after the checks, corrupt the data in a rolled-back transaction and show that
               every invariant's count goes up`;

const seconds = (value: number) => `${Math.round(value / 1000)}s`;

export function parseOptions(argv: string[]): ChaosOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      duration: { type: 'string' },
      quick: { type: 'boolean', default: false },
      seed: { type: 'string' },
      out: { type: 'string' },
      keep: { type: 'boolean', default: false },
      'self-check': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const durationMs = parseDuration(values.duration ?? (values.quick ? '50s' : '5m'));
  if (durationMs === null || durationMs < 20_000 || durationMs > 3_600_000)
    throw new Error(`--duration ${values.duration} is invalid: expected 20s to 1h, e.g. 60s or 5m`);
  const seed = values.seed === undefined ? randomInt(1, 2 ** 31) : Number(values.seed);
  if (!Number.isSafeInteger(seed)) throw new Error(`--seed ${values.seed} is not an integer`);
  const quick = values.quick || durationMs <= 90_000;
  return {
    seed,
    durationMs,
    quick,
    out: values.out,
    keep: values.keep,
    selfCheck: values['self-check'],
    timings: quick
      ? {
          inviteTtlMs: 30_000,
          inviteReminderBeforeMs: 20_000,
          cancellationWindowMs: 45_000,
          questionnaireRemindersMs: [50_000, 25_000],
          settleTimeoutMs: 45_000,
          drainTimeoutMs: 15_000,
          infrastructureQuietMs: 25_000,
          resendStretchMs: [4_000, 12_000],
        }
      : {
          inviteTtlMs: 80_000,
          inviteReminderBeforeMs: 40_000,
          cancellationWindowMs: 45_000,
          questionnaireRemindersMs: [60_000, 25_000],
          settleTimeoutMs: 360_000,
          drainTimeoutMs: 45_000,
          infrastructureQuietMs: 10_000,
          resendStretchMs: [5_000, 30_000],
        },
  };
}

/** The service's environment for these timings. */
export function timingEnv(timings: ServiceTimings): Record<string, string> {
  return {
    INVITE_TTL: seconds(timings.inviteTtlMs),
    INVITE_REMINDER_BEFORE: seconds(timings.inviteReminderBeforeMs),
    CANCELLATION_WINDOW: seconds(timings.cancellationWindowMs),
    QUESTIONNAIRE_REMINDERS: timings.questionnaireRemindersMs.map(seconds).join(','),
    SESSION_CREDIT_COST: '1',
  };
}
