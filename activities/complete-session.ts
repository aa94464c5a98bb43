import { markSessionCompleted } from '../src/db/queries/sessions.js';
import type { ActivityDeps } from './deps.js';

/** At its end a booked session becomes completed (a cancelled one stays cancelled). */
export function completeSession({ db }: ActivityDeps) {
  return async (input: { sessionId: string }): Promise<void> => {
    await markSessionCompleted(db, input.sessionId);
  };
}
