import { and, asc, eq, or, sql, type SQL } from 'drizzle-orm';
import type { Caller, Party, SessionStatus } from '../../domain/model.js';
import type { SessionView } from '../../domain/views.js';
import type { DbOrTx } from '../client.js';
import { utcParam } from '../columns.js';
import { RecordMissingError } from '../errors.js';
import { questionnaires, sessions } from '../schema.js';
import { bookHeldBlockOf, releaseBlock } from './calendar.js';
import type { InviteRow } from './invites.js';
import { currentQuestionsExpression } from './question-sets.js';
import { afterKey, pageOf, type Page, type PageRequest } from './pages.js';
import { toSessionView } from './views.js';

export type SessionRow = typeof sessions.$inferSelect;

/** Sessions with their questionnaire status, soonest first. */
function sessionRows(db: DbOrTx, where: SQL | undefined) {
  return db
    .select({
      session: sessions,
      questionnaire: { status: questionnaires.status, submittedAt: questionnaires.submittedAt },
    })
    .from(sessions)
    .leftJoin(questionnaires, eq(questionnaires.sessionId, sessions.id))
    .where(where)
    .orderBy(asc(sessions.startsAt), asc(sessions.id));
}

type SessionWithQuestionnaire = Awaited<ReturnType<typeof sessionRows>>[number];
const sessionView = (row: SessionWithQuestionnaire) =>
  toSessionView(row.session, row.questionnaire);

/** The session, if the caller may see it: its coach, its client, or an operator (or no caller: internal). */
export async function findSessionView(db: DbOrTx, id: string, caller?: Caller) {
  const owner =
    !caller || caller.role === 'operator'
      ? undefined
      : or(eq(sessions.coachId, caller.id), eq(sessions.clientId, caller.id));
  const [row] = await sessionRows(db, and(eq(sessions.id, id), owner));
  return row && sessionView(row);
}

/** The session, which must exist: an activity's step needs it. */
export async function getSessionView(db: DbOrTx, id: string): Promise<SessionView> {
  const session = await findSessionView(db, id);
  if (!session) throw new RecordMissingError(`Session ${id} does not exist`);
  return session;
}

/** A page of the sessions a coach runs or a client attends, soonest first. */
export async function listSessionsForCaller(
  db: DbOrTx,
  caller: Caller,
  filter: { status: SessionStatus | undefined } & PageRequest,
): Promise<Page<SessionView>> {
  const owner =
    caller.role === 'coach' ? eq(sessions.coachId, caller.id) : eq(sessions.clientId, caller.id);
  const rows = await sessionRows(
    db,
    and(
      owner,
      filter.status ? eq(sessions.status, filter.status) : undefined,
      afterKey(sessions.startsAt, sessions.id, filter.after, 'asc'),
    ),
  ).limit(filter.limit + 1);
  const keyOf = (row: SessionWithQuestionnaire) => ({
    at: row.session.startsAt,
    id: row.session.id,
  });
  return pageOf(rows, filter.limit, keyOf, sessionView);
}

/** Locks a session's row for the rest of the transaction; undefined when there is none. */
export async function lockSession(tx: DbOrTx, id: string): Promise<SessionRow | undefined> {
  const [session] = await tx.select().from(sessions).where(eq(sessions.id, id)).for('update');
  return session;
}

/** The session row with its questionnaire's status, which must exist. */
export async function getSessionWithQuestionnaire(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ session: sessions, questionnaireStatus: questionnaires.status })
    .from(sessions)
    .leftJoin(questionnaires, eq(questionnaires.sessionId, sessions.id))
    .where(eq(sessions.id, id));
  if (!row) throw new RecordMissingError(`Session ${id} does not exist`);
  return row;
}

/**
 * Accepts a pending invite as a new session in one statement: the session, its pending
 * questionnaire with the current questions, the invite's held block booked for it and the invite
 * marked accepted. Answers the accepted invite and the session as written, built from the invite
 * (what `getSessionView` reads back). Written as SQL rather than with drizzle's builder: building
 * this statement cost the worker 2 ms of its 3 ms, once for every acceptance, inside the
 * transaction where a prepared statement cannot go.
 */
export async function bookAcceptedInvite(
  tx: DbOrTx,
  invite: InviteRow,
  sessionId: string,
  at: Date,
): Promise<{ invite: InviteRow; session: SessionView }> {
  const session: SessionRow = {
    id: sessionId,
    inviteId: invite.id,
    coachId: invite.coachId,
    clientId: invite.clientId,
    blockId: invite.id,
    startsAt: invite.startsAt,
    endsAt: invite.endsAt,
    status: 'booked',
    creditCost: invite.creditCost,
    cancelledBy: null,
    cancelledAt: null,
    cancelReason: null,
    refundedCredits: null,
    createdAt: at,
  };
  // The session keeps the questions it was booked with, whatever the set becomes later.
  await tx.execute(sql`
    with session as (
      insert into sessions (id, invite_id, coach_id, client_id, block_id, starts_at, ends_at,
                            status, credit_cost, created_at)
      values (${session.id}, ${session.inviteId}, ${session.coachId}, ${session.clientId},
              ${session.blockId}, ${utcParam(session.startsAt)}, ${utcParam(session.endsAt)},
              'booked', ${session.creditCost}, ${utcParam(at)})
      returning id),
    questionnaire as (
      insert into questionnaires (session_id, status, questions)
      select id, 'pending', ${currentQuestionsExpression(tx)} from session),
    block as (
      update calendar_blocks set status = 'booked', session_id = ${sessionId}
      where invite_id = ${invite.id} and status = 'held'),
    accepted as (
      update invites set status = 'accepted', responded_at = ${utcParam(at)},
                         session_id = ${sessionId}
      where id = ${invite.id})
    select 1`);
  return {
    invite: { ...invite, status: 'accepted', respondedAt: at, sessionId },
    session: toSessionView(session, { status: 'pending', submittedAt: null }),
  };
}

/** Moves a session to an accepted reschedule's slot: its old block is freed, the new one booked. */
export async function moveSessionTo(
  tx: DbOrTx,
  session: SessionRow,
  reschedule: InviteRow,
  at: Date,
): Promise<void> {
  await releaseBlock(tx, session.blockId, at);
  await bookHeldBlockOf(tx, reschedule.id, session.id);
  await tx
    .update(sessions)
    .set({ startsAt: reschedule.startsAt, endsAt: reschedule.endsAt, blockId: reschedule.id })
    .where(eq(sessions.id, session.id));
}

/** Marks a session cancelled with its refund and frees its block. */
export async function markSessionCancelled(
  tx: DbOrTx,
  session: SessionRow,
  cancellation: { by: Party; at: Date; reason: string | null; refundedCredits: number },
): Promise<void> {
  await tx
    .update(sessions)
    .set({
      status: 'cancelled',
      cancelledBy: cancellation.by,
      cancelledAt: cancellation.at,
      cancelReason: cancellation.reason,
      refundedCredits: cancellation.refundedCredits,
    })
    .where(eq(sessions.id, session.id));
  await releaseBlock(tx, session.blockId, cancellation.at);
}

/** At its end a booked session becomes completed (a cancelled one stays cancelled); true when it did. */
export async function markSessionCompleted(db: DbOrTx, id: string): Promise<boolean> {
  const completed = await db
    .update(sessions)
    .set({ status: 'completed' })
    .where(and(eq(sessions.id, id), eq(sessions.status, 'booked')))
    .returning({ id: sessions.id });
  return completed.length > 0;
}
