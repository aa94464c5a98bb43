import type { Context } from '@temporalio/activity';
import type { ActivityInterceptors } from '@temporalio/worker';

/** The activity whose refusal ends an invite before it opens (workflows end `rejected`). */
const HOLD_SLOT = 'holdSlot';

const refusalOf = (result: unknown): string | null => {
  if (typeof result !== 'object' || result === null) return null;
  const { ok, reason } = result as { ok?: unknown; reason?: unknown };
  return ok === false && typeof reason === 'string' ? reason : null;
};

/**
 * Counts invites refused before they opened (`slot_unavailable`, `session_not_active`, ...). Such
 * an invite leaves no row behind, so unlike the other outcomes it cannot be read from PostgreSQL:
 * the worker counts it through the Temporal runtime's meter, which its metrics port serves. A
 * refusal writes nothing, so counting it where `holdSlot` returns it counts each invite once
 * (unless the worker dies between returning and reporting, when Temporal runs it again).
 */
export function countInviteRejections(ctx: Context): ActivityInterceptors {
  if (ctx.info.activityType !== HOLD_SLOT) return {};
  return {
    inbound: {
      async execute(input, next) {
        const result = await next(input);
        const reason = refusalOf(result);
        if (reason) {
          ctx.metricMeter
            .createCounter(
              'coach_invites_invites_rejected',
              'invites',
              'Invites refused before they opened, by reason.',
            )
            .add(1, { reason });
        }
        return result;
      },
    },
  };
}
