import { proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import { leanFlow, type RunInput } from './patches.js';

/** The coach waits on this one: a few quick attempts, then the invite is discarded. */
const holdOptions = {
  startToCloseTimeout: '15s',
  retry: { initialInterval: '500ms', maximumInterval: '5s', maximumAttempts: 5 },
} as const;

/**
 * Database steps retry what may pass (a restart, a lost connection) for as long as it takes; data
 * PostgreSQL refuses fails at once (`failFast` marks it non-retryable).
 */
const stepOptions = {
  startToCloseTimeout: '15s',
  retry: { initialInterval: '500ms', maximumInterval: '30s' },
} as const;

const remote = [
  proxyActivities<Activities>(holdOptions),
  proxyActivities<Activities>(stepOptions),
] as const;
const local = [
  proxyLocalActivities<Activities>(holdOptions),
  proxyLocalActivities<Activities>(stepOptions),
] as const;

/** The database steps, local or remote as this run's history says. */
export function databaseSteps(input: RunInput) {
  const [hold, steps] = leanFlow(input) ? local : remote;
  return {
    holdSlot: hold.holdSlot,
    acceptInvite: steps.acceptInvite,
    closeInvite: steps.closeInvite,
    discardInvite: steps.discardInvite,
    cancelSession: steps.cancelSession,
    completeSession: steps.completeSession,
  };
}

/** Emails retry for about 25 minutes; then the email is given up and logged. */
export const { notifyParty, notifyParties, notifySessionParty, notifySessionParties } =
  proxyActivities<Activities>({
    startToCloseTimeout: '1m',
    retry: { initialInterval: '2s', maximumInterval: '5m', maximumAttempts: 12 },
  });
