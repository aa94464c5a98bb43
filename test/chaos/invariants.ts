import { checkAnswers } from './check-answers.js';
import { checkCharges, checkRefunds } from './check-credits.js';
import { checkDoubledEmails, checkLostEmails } from './check-emails.js';
import { checkSlots } from './check-slots.js';
import { checkTiming, newTimingTally, type TimingTally } from './check-timing.js';
import { factsOf } from './facts.js';
import type { Step } from './flows.js';
import type { ServiceTimings } from './options.js';
import type { Snapshot } from './snapshot.js';

export const INVARIANTS = {
  lostCharges: 'lost charges',
  doubledCharges: 'doubled charges',
  chargesWithoutAcceptance: 'charges without acceptance',
  balancesOffLedger: 'balances off their ledger',
  lostRefunds: 'lost refunds',
  doubledRefunds: 'doubled refunds',
  wrongRefunds: 'wrong refunds (policy)',
  slotsHeldAfterEnd: 'slots still held after their invite ended',
  slotsLost: 'slots lost',
  overlappingBlocks: 'overlapping blocks',
  doubledEmails: 'doubled emails',
  lostEmails: 'lost emails',
  lostReminders: 'lost reminders',
  lateExpiries: 'late expiries',
  pendingLeftBehind: 'pending invites left behind',
  answersContradicted: 'answers the data contradicts',
  leftByFailedCreates: 'invites left behind by failed creates',
} as const;
export type Invariant = keyof typeof INVARIANTS;
export type Violations = Record<Invariant, string[]>;

export interface CheckContext {
  timings: ServiceTimings;
  /** Time when infrastructure faults excuse lateness (see faults.ts). */
  excused: [number, number][];
  /** When the worker was SIGKILLed: its workflows' next tasks wait for a sticky-queue timeout. */
  workerKills: number[];
  /** Time when an email could not get through: Resend's stretches and the backoff after them. */
  emailOutages: [number, number][];
  steps: Step[];
  /** "A few seconds": how late a timer may fire, or how close two racing moments may be. */
  graceMs: number;
}

/** Checks every promise of the service against the settled data; each entry names one breach. */
export function checkInvariants(snapshot: Snapshot, ctx: CheckContext): Violations {
  const violations = Object.fromEntries(
    Object.keys(INVARIANTS).map((k) => [k, []]),
  ) as unknown as Violations;
  const facts = factsOf(snapshot, ctx);
  for (const check of [
    checkCharges,
    checkRefunds,
    checkSlots,
    checkDoubledEmails,
    checkLostEmails,
    checkTiming,
    checkAnswers,
  ])
    check(facts, violations);
  return violations;
}

/** How many reminders and expiries the run judged strictly, and how many faults excused. */
export function timingTally(snapshot: Snapshot, ctx: CheckContext): TimingTally {
  const tally = newTimingTally();
  const ignored = Object.fromEntries(
    Object.keys(INVARIANTS).map((k) => [k, []]),
  ) as unknown as Violations;
  checkTiming(factsOf(snapshot, ctx), ignored, tally);
  return tally;
}
