import { ApplicationFailure, Context } from '@temporalio/activity';
import {
  findDeliveryToAttempt,
  markWebhookDeliveryFailed,
  recordWebhookAttempt,
} from '../src/db/queries/webhook-deliveries.js';
import { retryDelayMs, type WebhookRetrySchedule } from '../src/domain/webhook-events.js';
import { postJson, type PostOutcome } from '../src/webhooks/post.js';
import { signedHeaders } from '../src/webhooks/signing.js';
import { webhookUrlProblem } from '../src/webhooks/url-rules.js';
import type { ActivityDeps } from './deps.js';

export interface DeliverWebhookInput {
  deliveryId: string;
  cycle: number;
  schedule: WebhookRetrySchedule;
}

/** `delivered`: a 2xx came; the others end the cycle without sending (nothing left to do). */
export type DeliverWebhookOutcome = 'delivered' | 'superseded' | 'gone' | 'disabled';

const isSuccess = (code: number | null) => code !== null && code >= 200 && code < 300;

/**
 * One attempt: signs `{ type, timestamp, data }` with the endpoint's secret and the event's id,
 * POSTs it, records the attempt, and throws on anything but a 2xx so that Temporal's retry policy
 * schedules the next one. In production the URL's addresses are checked again first, and the
 * connection itself reaches public addresses only.
 */
export function deliverWebhook({ db, clock, production }: ActivityDeps) {
  return async (input: DeliverWebhookInput): Promise<DeliverWebhookOutcome> => {
    const target = await findDeliveryToAttempt(db, input.deliveryId);
    if (!target) return 'gone';
    // A manual retry started a newer cycle: this one stops.
    if (target.cycle !== input.cycle) return 'superseded';
    if (!target.endpoint.enabled) {
      await markWebhookDeliveryFailed(db, { ...input, error: 'the endpoint is disabled' });
      return 'disabled';
    }
    const at = clock();
    const body = JSON.stringify({
      type: target.event.type,
      timestamp: target.event.occurredAt.toISOString(),
      data: target.event.data,
    });
    const problem = await webhookUrlProblem(target.endpoint.url, { production: !!production });
    const outcome: PostOutcome = problem
      ? { statusCode: null, durationMs: 0, error: `refused: ${problem}` }
      : await postJson({
          url: target.endpoint.url,
          headers: signedHeaders({
            secret: target.endpoint.secret,
            eventId: target.event.id,
            body,
            at,
          }),
          body,
          timeoutMs: input.schedule.requestTimeoutMs,
          publicOnly: !!production,
        });
    const attempt = Context.current().info.attempt;
    const succeeded = isSuccess(outcome.statusCode);
    const error = succeeded ? null : (outcome.error ?? `answered ${outcome.statusCode}`);
    await recordWebhookAttempt(db, {
      deliveryId: input.deliveryId,
      cycle: input.cycle,
      attempt,
      succeeded,
      statusCode: outcome.statusCode,
      durationMs: outcome.durationMs,
      error,
      at,
      nextAttemptAt: nextAttemptAt(input.schedule, attempt, at),
    });
    if (!succeeded) throw ApplicationFailure.retryable(error!, 'WebhookNotAccepted');
    return 'delivered';
  };
}

/** When Temporal will try again, or null when that would fall past the cycle's window. */
function nextAttemptAt(schedule: WebhookRetrySchedule, attempt: number, at: Date): Date | null {
  const firstScheduled = Context.current().info.scheduledTimestampMs;
  const next = at.getTime() + retryDelayMs(schedule, attempt);
  return next < firstScheduled + schedule.windowMs ? new Date(next) : null;
}

/** The cycle ran out of time: the delivery is `failed` until an operator retries it. */
export function failWebhookDelivery({ db }: ActivityDeps) {
  return async (input: { deliveryId: string; cycle: number }): Promise<void> => {
    await markWebhookDeliveryFailed(db, input);
  };
}
