import { and, asc, eq, or, type SQL } from 'drizzle-orm';
import type { Caller } from '../../api/auth.js';
import type { DbOrTx } from '../client.js';
import { RecordMissingError } from '../errors.js';
import { invites, questionnaires, sessions } from '../schema.js';
import { toInviteView, toSessionView } from './views.js';

type InviteStatus = (typeof invites.$inferSelect)['status'];

/** The invite, if the caller may see it: its coach, its client, or an operator. */
export async function findInviteForCaller(db: DbOrTx, id: string, caller: Caller) {
  const owner =
    caller.role === 'operator'
      ? undefined
      : caller.role === 'coach'
        ? eq(invites.coachId, caller.id)
        : eq(invites.clientId, caller.id);
  const [row] = await db
    .select()
    .from(invites)
    .where(and(eq(invites.id, id), owner));
  return row ? toInviteView(row) : undefined;
}

/** A coach's sent or a client's received invites, soonest first. */
export async function listInvitesForCaller(
  db: DbOrTx,
  caller: Caller,
  status: InviteStatus | undefined,
) {
  const owner: SQL =
    caller.role === 'coach' ? eq(invites.coachId, caller.id) : eq(invites.clientId, caller.id);
  const rows = await db
    .select()
    .from(invites)
    .where(and(owner, status ? eq(invites.status, status) : undefined))
    .orderBy(asc(invites.startsAt), asc(invites.id));
  return rows.map(toInviteView);
}

/** Sessions with their questionnaire status, soonest first. */
async function sessionViews(db: DbOrTx, where: SQL | undefined) {
  const rows = await db
    .select({
      session: sessions,
      questionnaire: { status: questionnaires.status, submittedAt: questionnaires.submittedAt },
    })
    .from(sessions)
    .leftJoin(questionnaires, eq(questionnaires.sessionId, sessions.id))
    .where(where)
    .orderBy(asc(sessions.startsAt), asc(sessions.id));
  return rows.map((row) => toSessionView(row.session, row.questionnaire));
}

/** The session, if the caller may see it: its coach, its client, or an operator (or no caller: internal). */
export async function findSessionView(db: DbOrTx, id: string, caller?: Caller) {
  const owner =
    !caller || caller.role === 'operator'
      ? undefined
      : or(eq(sessions.coachId, caller.id), eq(sessions.clientId, caller.id));
  const [session] = await sessionViews(db, and(eq(sessions.id, id), owner));
  return session;
}

type SessionStatus = (typeof sessions.$inferSelect)['status'];

/** The sessions a coach runs or a client attends, soonest first. */
export async function listSessionsForCaller(
  db: DbOrTx,
  caller: Caller,
  status: SessionStatus | undefined,
) {
  const owner: SQL =
    caller.role === 'coach' ? eq(sessions.coachId, caller.id) : eq(sessions.clientId, caller.id);
  return sessionViews(db, and(owner, status ? eq(sessions.status, status) : undefined));
}

/** Locks an invite's row for the rest of the transaction, so its answers are applied one at a time. */
export async function lockInvite(tx: DbOrTx, id: string) {
  const [invite] = await tx.select().from(invites).where(eq(invites.id, id)).for('update');
  if (!invite) throw new RecordMissingError(`Invite ${id} does not exist`);
  return invite;
}
