import { ActivityFailure, proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import {
  WEBHOOK_BACKOFF_COEFFICIENT,
  type WebhookRetrySchedule,
} from '../src/domain/webhook-events.js';

export interface WebhookDeliveryInput {
  deliveryId: string;
  /** The attempt cycle this run serves: 1, then one more per manual retry. */
  cycle: number;
  schedule: WebhookRetrySchedule;
}

export type WebhookDeliveryResult = 'delivered' | 'superseded' | 'gone' | 'disabled' | 'failed';

/**
 * One delivery's attempt cycle. Temporal's retry policy is the schedule: the delivery activity is
 * retried with doubling delays (from `initialMs` up to `maxMs`) until a 2xx or until `windowMs` (3
 * days) after the cycle began; then the delivery is marked `failed`. The workflow itself only
 * decides; the activity signs, sends and records each attempt.
 */
export async function webhookDeliveryWorkflow(
  input: WebhookDeliveryInput,
): Promise<WebhookDeliveryResult> {
  const { schedule } = input;
  const { deliverWebhook } = proxyActivities<Activities>({
    startToCloseTimeout: schedule.requestTimeoutMs + 5_000,
    scheduleToCloseTimeout: schedule.windowMs,
    retry: {
      initialInterval: schedule.initialMs,
      backoffCoefficient: WEBHOOK_BACKOFF_COEFFICIENT,
      maximumInterval: schedule.maxMs,
    },
  });
  const { failWebhookDelivery } = proxyActivities<Activities>({
    startToCloseTimeout: '15s',
    retry: { initialInterval: '1s', maximumInterval: '1m' },
  });
  try {
    return await deliverWebhook({ deliveryId: input.deliveryId, cycle: input.cycle, schedule });
  } catch (error) {
    if (!(error instanceof ActivityFailure)) throw error;
    // The last attempt's error stays recorded beside the `failed` status.
    await failWebhookDelivery({ deliveryId: input.deliveryId, cycle: input.cycle });
    return 'failed';
  }
}
