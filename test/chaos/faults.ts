import type { Observations } from './flows.js';
import type { Stack } from './processes.js';
import { seededRandom, sleep } from './random.js';

export const FAULT_KINDS = [
  'worker-sigkill',
  'worker-sigkill-mid-accept',
  'temporal-restart',
  'postgres-restart',
  'resend-429',
  'resend-500',
  'resend-no-answer',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultRecord {
  kind: FaultKind;
  at: number;
  /** When the part was back (the worker polling, the server serving, Resend answering). */
  recoveredAt: number;
}

/**
 * After an infrastructure fault ends, work it interrupted may still take this long to resume on
 * its own: an activity killed with its worker waits for its 15 s start-to-close timeout, a
 * sticky workflow task for its timeout, an activity retry for its next backoff.
 */
export const RECOVERY_ALLOWANCE_MS = 25_000;

/** Time when the service could not be expected to act on time: infrastructure faults, not Resend's. */
export function excusedWindows(faults: FaultRecord[]): [number, number][] {
  return faults
    .filter((fault) => !fault.kind.startsWith('resend-'))
    .map((fault) => [fault.at, fault.recoveredAt + RECOVERY_ALLOWANCE_MS]);
}

/**
 * Injects faults at random moments (seeded) until the window closes: each kind once in a
 * shuffled round before any repeats, so even a short run meets every kind. Resend stretches run
 * alongside the next faults; a worker, Temporal or PostgreSQL fault ends when that part is back.
 */
export async function injectFaults(input: {
  seed: number;
  stack: Stack;
  observations: Observations;
  until: number;
  maxFaults: number;
  gapMs: [number, number];
  faults: FaultRecord[];
  stop: AbortSignal;
}): Promise<void> {
  const { stack, faults, stop } = input;
  const rng = seededRandom(input.seed * 104729 + 7);
  let deck: FaultKind[] = [];
  let resendStretch: Promise<void> = Promise.resolve();

  const nextAccept = (timeoutMs: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, timeoutMs);
      function done() {
        clearTimeout(timer);
        input.observations.events.off('accepting', done);
        resolve();
      }
      input.observations.events.once('accepting', done);
    });

  const inject = async (kind: FaultKind): Promise<void> => {
    const at = Date.now();
    const record = (recoveredAt: number) => void faults.push({ kind, at, recoveredAt });
    switch (kind) {
      case 'worker-sigkill-mid-accept':
        await nextAccept(10_000);
        await sleep(rng.between(0, 400));
      // falls through
      case 'worker-sigkill': {
        const killedAt = Date.now();
        await stack.worker.kill();
        await sleep(rng.between(0, 3_000));
        await stack.worker.start();
        faults.push({ kind, at: killedAt, recoveredAt: Date.now() });
        return;
      }
      case 'temporal-restart':
        await stack.restartTemporal(rng.between(0, 3_000));
        return record(Date.now());
      case 'postgres-restart':
        await stack.restartPostgres(rng.between(0, 4_000));
        return record(Date.now());
      default: {
        await resendStretch;
        const mode = kind === 'resend-429' ? 429 : kind === 'resend-500' ? 500 : 'hang';
        const lengthMs = rng.between(4_000, 14_000);
        stack.resend.setMode(mode);
        resendStretch = sleep(lengthMs, stop).then(() => {
          stack.resend.setMode('ok');
          record(Date.now());
        });
      }
    }
  };

  await sleep(rng.between(4_000, 8_000), stop);
  for (let injected = 0; injected < input.maxFaults; injected++) {
    if (stop.aborted || Date.now() > input.until - 8_000) break;
    if (deck.length === 0) deck = rng.shuffled(FAULT_KINDS);
    await inject(deck.pop()!);
    await sleep(rng.between(...input.gapMs), stop);
  }
  await resendStretch;
}
