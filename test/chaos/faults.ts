import type { Observations } from './flows.js';
import type { Stack } from './processes.js';
import { seededRandom, sleep, type Random } from './random.js';

const INFRASTRUCTURE_FAULTS = [
  'worker-sigkill',
  'worker-sigkill-mid-accept',
  'temporal-restart',
  'postgres-restart',
] as const;
const RESEND_FAULTS = ['resend-429', 'resend-500', 'resend-no-answer'] as const;
export const FAULT_KINDS = [...INFRASTRUCTURE_FAULTS, ...RESEND_FAULTS] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultRecord {
  kind: FaultKind;
  at: number;
  /** When the part was back (the worker polling, the server serving, Resend answering). */
  recoveredAt: number;
}

/**
 * Until when work a fault interrupted may still wait on its own: an activity killed with its worker
 * waits for its 15 s start-to-close timeout (a workflow task for its 10 s one); after a restart of
 * Temporal or PostgreSQL, timers fire, connections come back and retries wait for their backoff.
 */
function excusedUntil(fault: FaultRecord): number {
  if (fault.kind.startsWith('worker-'))
    return Math.max(fault.recoveredAt, fault.at + 15_000) + 5_000;
  return fault.recoveredAt + 10_000;
}

/** Work that began this long before a fault may have been in flight and lost with it. */
const IN_FLIGHT_MS = 5_000;

/**
 * Time when the service could not be expected to act on time: infrastructure faults, not Resend's.
 * Something due inside a window is due at its end instead.
 */
export function excusedWindows(faults: FaultRecord[]): [number, number][] {
  return faults
    .filter((fault) => !fault.kind.startsWith('resend-'))
    .map((fault) => [fault.at - IN_FLIGHT_MS, excusedUntil(fault)]);
}

/**
 * A workflow last run by a killed worker gets its next task only after the task's 10 s
 * schedule-to-start timeout on that worker's sticky queue, however long after the kill.
 */
export const STICKY_QUEUE_TIMEOUT_MS = 10_000;

export const workerKills = (faults: FaultRecord[]) =>
  faults.filter((fault) => fault.kind.startsWith('worker-')).map((fault) => fault.at);

/**
 * Time when an email could not be expected to get through: Resend failing, plus the retry backoff
 * after it (each wait about as long as the failing so far), and the infrastructure's own windows.
 */
export function emailOutageWindows(faults: FaultRecord[]): [number, number][] {
  const resend = faults
    .filter((fault) => fault.kind.startsWith('resend-'))
    .map((fault): [number, number] => [
      fault.at,
      fault.recoveredAt + (fault.recoveredAt - fault.at) + 3_000,
    ]);
  return [...resend, ...excusedWindows(faults)];
}

export interface FaultPlan {
  seed: number;
  stack: Stack;
  observations: Observations;
  /** No infrastructure fault starts after this moment; Resend stretches end by `resendUntil`. */
  infrastructureUntil: number;
  resendUntil: number;
  maxFaults: number;
  /** Quiet time between infrastructure faults, when everything must keep its time. */
  infrastructureGapMs: [number, number];
  resendGapMs: [number, number];
  resendStretchMs: [number, number];
  faults: FaultRecord[];
  stop: AbortSignal;
}

/** Kinds in shuffled rounds, each kind once before any repeats, so a short run meets them all. */
function deckOf<T>(rng: Random, kinds: readonly T[]) {
  let deck: T[] = [];
  return () => {
    if (deck.length === 0) deck = rng.shuffled(kinds);
    return deck.pop()!;
  };
}

/** SIGKILLs the worker, restarts the dev server or PostgreSQL; each fault ends when the part is back. */
async function injectInfrastructureFaults(plan: FaultPlan, budget: { left: number }) {
  const { stack, faults, stop } = plan;
  const rng = seededRandom(plan.seed * 104_729 + 7);
  const next = deckOf(rng, INFRASTRUCTURE_FAULTS);

  const nextAccept = (timeoutMs: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, timeoutMs);
      function done() {
        clearTimeout(timer);
        plan.observations.events.off('accepting', done);
        resolve();
      }
      plan.observations.events.once('accepting', done);
    });

  await sleep(rng.between(3_000, 6_000), stop);
  while (!stop.aborted && Date.now() < plan.infrastructureUntil && budget.left-- > 0) {
    const kind = next();
    if (kind === 'worker-sigkill-mid-accept') await nextAccept(10_000);
    if (kind === 'worker-sigkill-mid-accept') await sleep(rng.between(0, 400));
    const at = Date.now();
    if (kind === 'temporal-restart') await stack.restartTemporal(rng.between(0, 3_000));
    else if (kind === 'postgres-restart') await stack.restartPostgres(rng.between(0, 4_000));
    else {
      await stack.worker.kill();
      await sleep(rng.between(0, 3_000));
      await stack.worker.start();
    }
    faults.push({ kind, at, recoveredAt: Date.now() });
    await sleep(rng.between(...plan.infrastructureGapMs), stop);
  }
}

/** Makes the fake Resend answer 429, 500 or nothing for stretches of a few seconds. */
async function injectResendFaults(plan: FaultPlan, budget: { left: number }) {
  const { stack, faults, stop } = plan;
  const rng = seededRandom(plan.seed * 15_485_863 + 11);
  const next = deckOf(rng, RESEND_FAULTS);
  await sleep(rng.between(2_000, 8_000), stop);
  for (;;) {
    const lengthMs = rng.between(...plan.resendStretchMs);
    if (stop.aborted || Date.now() + lengthMs > plan.resendUntil || budget.left-- <= 0) return;
    const kind = next();
    const at = Date.now();
    stack.resend.setMode(kind === 'resend-429' ? 429 : kind === 'resend-500' ? 500 : 'hang');
    await sleep(lengthMs, stop);
    stack.resend.setMode('ok');
    faults.push({ kind, at, recoveredAt: Date.now() });
    await sleep(rng.between(...plan.infrastructureGapMs), stop);
  }
}

/**
 * Injects faults at random (seeded) moments: infrastructure faults one after another, Resend
 * stretches alongside them, at most `maxFaults` in all.
 */
export async function injectFaults(plan: FaultPlan): Promise<void> {
  const budget = { left: plan.maxFaults };
  await Promise.all([injectInfrastructureFaults(plan, budget), injectResendFaults(plan, budget)]);
}
