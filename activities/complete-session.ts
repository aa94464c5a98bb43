import { getSessionView, markSessionCompleted } from '../src/db/queries/sessions.js';
import { recordWebhookEvent } from '../src/db/queries/webhook-outbox.js';
import type { ActivityDeps } from './deps.js';

/** At its end a booked session becomes completed (a cancelled one stays cancelled). */
export function completeSession({ db, clock }: ActivityDeps) {
  return async (input: { sessionId: string }): Promise<void> => {
    await db.transaction(async (tx) => {
      if (!(await markSessionCompleted(tx, input.sessionId))) return;
      const data = await getSessionView(tx, input.sessionId);
      const key = `session.completed:${input.sessionId}`;
      await recordWebhookEvent(tx, { type: 'session.completed', key, data, at: clock() });
    });
  };
}
