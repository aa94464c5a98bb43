import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { Logger } from 'pino';
import type { Db } from '../db/client.js';
import { markDispatched, undispatchedDeliveries } from '../db/queries/webhook-deliveries.js';
import { webhookDeliveryWorkflowId, type WebhookRetrySchedule } from '../domain/webhook-events.js';
import type { webhookDeliveryWorkflow } from '../../workflows/webhook-delivery.js';

export interface RelayOptions {
  db: Db;
  client: Client;
  taskQueue: string;
  schedule: WebhookRetrySchedule;
  intervalMs: number;
  logger: Logger;
}

const BATCH = 100;

/**
 * One pass: starts a workflow for each delivery cycle not yet dispatched, then marks it. The
 * workflow id is fixed per cycle and never reused, so a start repeated after a crash between start
 * and mark is refused and only marks: each cycle runs exactly once. Returns how many it handed on.
 */
export async function relayPass(options: Omit<RelayOptions, 'intervalMs' | 'logger'>) {
  let handed = 0;
  for (;;) {
    const batch = await undispatchedDeliveries(options.db, BATCH);
    for (const delivery of batch) {
      try {
        await options.client.workflow.start<typeof webhookDeliveryWorkflow>(
          'webhookDeliveryWorkflow',
          {
            workflowId: webhookDeliveryWorkflowId(delivery.id, delivery.cycle),
            taskQueue: options.taskQueue,
            args: [{ deliveryId: delivery.id, cycle: delivery.cycle, schedule: options.schedule }],
            workflowIdReusePolicy: 'REJECT_DUPLICATE',
          },
        );
      } catch (error) {
        if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      }
      await markDispatched(options.db, delivery);
      handed += 1;
    }
    if (batch.length < BATCH) return handed;
  }
}

/**
 * Runs a pass at once and then every `intervalMs` (never two at a time) until stopped. A failed
 * pass (Temporal or Postgres away) is logged and the next one tries again: the outbox keeps what
 * waits.
 */
export function startWebhookRelay(options: RelayOptions) {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> = Promise.resolve();
  const run = async () => {
    try {
      await relayPass(options);
    } catch (error) {
      options.logger.warn({ err: error }, 'webhook relay pass failed; the next pass retries');
    }
  };
  let first = true;
  const loop = () => {
    current = run().finally(() => {
      if (first) options.logger.info('webhook relay running');
      first = false;
      if (!stopped) timer = setTimeout(loop, options.intervalMs);
    });
  };
  loop();
  return {
    /** Stops the loop and waits for a pass under way. */
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await current;
    },
  };
}
