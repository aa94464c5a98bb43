import { isSessionActive } from '../../domain/cancellation.js';
import { DEFAULT_QUESTIONS } from '../../domain/questions.js';
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { questionnaires, sessions } from '../schema.js';
import { getSessionView } from './sessions.js';
import { recordWebhookEvent } from './webhook-outbox.js';

/** A session's questionnaire: the questions it was booked with and the client's answers. */
export async function getQuestionnaire(db: DbOrTx, sessionId: string) {
  const [row] = await db
    .select({
      status: questionnaires.status,
      questions: questionnaires.questions,
      answers: questionnaires.answers,
      submittedAt: questionnaires.submittedAt,
    })
    .from(questionnaires)
    .where(eq(questionnaires.sessionId, sessionId));
  return {
    status: row?.status ?? 'pending',
    questions: row?.questions ?? DEFAULT_QUESTIONS,
    answers: row?.answers ?? null,
    submittedAt: row?.submittedAt?.toISOString() ?? null,
  };
}

export type SubmitResult =
  { ok: true; firstSubmission: boolean } | { ok: false; reason: 'session_not_active' };

/** Stores the client's answers while the session is booked and has not started; later answers replace earlier ones. */
export async function submitQuestionnaire(
  db: DbOrTx,
  input: { sessionId: string; clientId: string; answers: Record<string, unknown>; now: Date },
): Promise<SubmitResult> {
  return db.transaction(async (tx) => {
    const [session] = await tx
      .select({ status: sessions.status, startsAt: sessions.startsAt })
      .from(sessions)
      .where(and(eq(sessions.id, input.sessionId), eq(sessions.clientId, input.clientId)))
      .for('update');
    if (!session || !isSessionActive(session, input.now))
      return { ok: false, reason: 'session_not_active' };
    const [before] = await tx
      .select({ status: questionnaires.status })
      .from(questionnaires)
      .where(eq(questionnaires.sessionId, input.sessionId));
    await tx
      .insert(questionnaires)
      .values({
        sessionId: input.sessionId,
        status: 'submitted',
        answers: input.answers,
        submittedAt: input.now,
      })
      .onConflictDoUpdate({
        target: questionnaires.sessionId,
        set: { status: 'submitted', answers: input.answers, submittedAt: input.now },
      });
    // Each submission is a change of its own (later answers replace earlier ones): keyed by its time.
    await recordWebhookEvent(tx, {
      type: 'questionnaire.submitted',
      key: `questionnaire.submitted:${input.sessionId}:${input.now.toISOString()}`,
      data: await getSessionView(tx, input.sessionId),
      at: input.now,
    });
    return { ok: true, firstSubmission: before?.status !== 'submitted' };
  });
}
