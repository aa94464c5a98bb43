import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';

/** The coach waits on this one: a few quick attempts, then the invite is discarded. */
export const { holdSlot } = proxyActivities<Activities>({
  startToCloseTimeout: '15s',
  retry: { initialInterval: '500ms', maximumInterval: '5s', maximumAttempts: 5 },
});

/**
 * Database steps retry what may pass (a restart, a lost connection) for as long as it takes; data
 * PostgreSQL refuses fails at once (`failFast` marks it non-retryable).
 */
export const { acceptInvite, closeInvite, discardInvite, cancelSession, completeSession } =
  proxyActivities<Activities>({
    startToCloseTimeout: '15s',
    retry: { initialInterval: '500ms', maximumInterval: '30s' },
  });

/** Emails retry for about 25 minutes; then the email is given up and logged. */
export const { notifyParty, notifySessionParty } = proxyActivities<Activities>({
  startToCloseTimeout: '1m',
  retry: { initialInterval: '2s', maximumInterval: '5m', maximumAttempts: 12 },
});
