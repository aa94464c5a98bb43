import { and, asc, eq, sql, type Placeholder, type SQL } from 'drizzle-orm';
import type { PgInsertValue } from 'drizzle-orm/pg-core';
import type { InviteInput } from '../../domain/inputs.js';
import type { Caller, InviteStatus, Role } from '../../domain/model.js';
import type { InviteView } from '../../domain/views.js';
import { inviteWorkflowId } from '../../domain/workflow-ids.js';
import type { Db, DbOrTx } from '../client.js';
import { preparedStatement } from '../prepared.js';
import { RecordMissingError } from '../errors.js';
import { calendarBlocks, invites } from '../schema.js';
import { releaseHeldBlockOf } from './calendar.js';
import { inviteEvent, outboxInserts } from './webhook-outbox.js';
import { afterKey, pageOf, type Page, type PageRequest } from './pages.js';
import { toInviteView } from './views.js';

export type InviteRow = typeof invites.$inferSelect;

/** Limits a query to invites of `callerId` in `role`; operators see every invite. */
const ownedBy = (role: Role, callerId: string | Placeholder): SQL | undefined => {
  if (role === 'operator') return undefined;
  return role === 'coach' ? eq(invites.coachId, callerId) : eq(invites.clientId, callerId);
};

const inviteFor = (role: Role) =>
  preparedStatement((db) =>
    db
      .select()
      .from(invites)
      .where(and(eq(invites.id, sql.placeholder('id')), ownedBy(role, sql.placeholder('callerId'))))
      .prepare(`find_invite_for_${role}`),
  );
const INVITE_FOR: Record<Role, ReturnType<typeof inviteFor>> = {
  operator: inviteFor('operator'),
  coach: inviteFor('coach'),
  client: inviteFor('client'),
};

/** The invite, if the caller may see it: its coach, its client, or an operator. */
export async function findInviteForCaller(db: Db, id: string, caller: Caller) {
  const [row] = await INVITE_FOR[caller.role](db).execute({ id, callerId: caller.id });
  return row ? toInviteView(row) : undefined;
}

/** A page of a coach's sent or a client's received invites, soonest first. */
export async function listInvitesForCaller(
  db: DbOrTx,
  caller: Caller,
  filter: { status: InviteStatus | undefined } & PageRequest,
): Promise<Page<InviteView>> {
  const rows = await db
    .select()
    .from(invites)
    .where(
      and(
        ownedBy(caller.role, caller.id),
        filter.status ? eq(invites.status, filter.status) : undefined,
        afterKey(invites.startsAt, invites.id, filter.after, 'asc'),
      ),
    )
    .orderBy(asc(invites.startsAt), asc(invites.id))
    .limit(filter.limit + 1);
  return pageOf(rows, filter.limit, (row) => ({ at: row.startsAt, id: row.id }), toInviteView);
}

export async function findInvite(db: DbOrTx, id: string): Promise<InviteRow | undefined> {
  const [row] = await db.select().from(invites).where(eq(invites.id, id));
  return row;
}

/** Locks an invite's row for the rest of the transaction, so its answers are applied one at a time. */
export async function lockInvite(tx: DbOrTx, id: string): Promise<InviteRow> {
  const [invite] = await tx.select().from(invites).where(eq(invites.id, id)).for('update');
  if (!invite) throw new RecordMissingError(`Invite ${id} does not exist`);
  return invite;
}

/**
 * The pending invite `input` writes, as the database then holds it: its timestamps are the input's
 * to the millisecond, as they are sent, and `toInviteView` of it is the written row's view.
 */
function pendingInviteRow(input: InviteInput): InviteRow {
  return {
    id: input.inviteId,
    kind: input.kind,
    coachId: input.coachId,
    clientId: input.clientId,
    sessionId: input.sessionId ?? null,
    startsAt: new Date(input.startsAt),
    endsAt: new Date(input.endsAt),
    creditCost: input.creditCost,
    message: input.message ?? null,
    status: 'pending',
    expiresAt: new Date(input.expiresAt),
    createdAt: new Date(input.sentAt),
    respondedAt: null,
    declineReason: null,
    workflowId: inviteWorkflowId(input.inviteId),
  };
}

/** The held calendar block of a pending invite's slot; `inviteId` may be an SQL expression. */
const heldBlockOf = (
  invite: InviteRow,
  inviteId: string | SQL = invite.id,
): PgInsertValue<typeof calendarBlocks> => ({
  id: invite.id,
  coachId: invite.coachId,
  startsAt: invite.startsAt,
  endsAt: invite.endsAt,
  status: 'held',
  inviteId,
  sessionId: invite.sessionId,
});

/**
 * A pending invite in one statement, atomic without a transaction (a reschedule's runs in the
 * transaction that locks its session): the invite, its held block, and its `invite.sent` event with
 * the event's deliveries. The invite is inserted first (the block's insert reads its id from it),
 * so a retry after a commit meets the invites primary key (a unique violation) before anything
 * else; an overlap meets the blocks' exclusion constraint and the whole statement, the invite too,
 * is undone. Answers the invite's view, built from the input as written (the event's data, which
 * `toInviteView` of the stored row equals).
 */
export async function insertHeldInvite(db: DbOrTx, input: InviteInput): Promise<InviteView> {
  const row = pendingInviteRow(input);
  const view = toInviteView(row);
  const invite = db.insert(invites).values(row);
  const block = db.insert(calendarBlocks).values(heldBlockOf(row, sql`(select id from invite)`));
  await db.execute(sql`
    with invite as (${invite.getSQL()} returning id),
         block as (${block.getSQL()}),
         ${outboxInserts([inviteEvent('invite.sent', view, row.createdAt)])}
    select 1`);
  return view;
}

/** Ends a pending invite without a booking and frees its held block. */
export async function closePendingInvite(
  tx: DbOrTx,
  input: { id: string; status: 'declined' | 'expired' | 'cancelled'; declineReason: string | null },
  at: Date,
): Promise<InviteView> {
  const [closed] = await tx
    .update(invites)
    .set({
      status: input.status,
      respondedAt: input.status === 'expired' ? null : at,
      declineReason: input.status === 'declined' ? input.declineReason : null,
    })
    .where(eq(invites.id, input.id))
    .returning();
  await releaseHeldBlockOf(tx, input.id, at);
  return toInviteView(closed!);
}

export async function markInviteAccepted(
  tx: DbOrTx,
  id: string,
  sessionId: string,
  at: Date,
): Promise<InviteRow> {
  const [accepted] = await tx
    .update(invites)
    .set({ status: 'accepted', respondedAt: at, sessionId })
    .where(eq(invites.id, id))
    .returning();
  return accepted!;
}

/** Deletes a pending invite and its held block; true when there was one. */
export async function deletePendingInvite(tx: DbOrTx, id: string): Promise<boolean> {
  await tx
    .delete(calendarBlocks)
    .where(and(eq(calendarBlocks.inviteId, id), eq(calendarBlocks.status, 'held')));
  const removed = await tx
    .delete(invites)
    .where(and(eq(invites.id, id), eq(invites.status, 'pending')))
    .returning({ id: invites.id });
  return removed.length > 0;
}

/** The session's pending reschedule invite, if it has one. */
export async function pendingRescheduleOf(tx: DbOrTx, sessionId: string) {
  const [pending] = await tx
    .select({ id: invites.id })
    .from(invites)
    .where(
      and(
        eq(invites.sessionId, sessionId),
        eq(invites.kind, 'reschedule'),
        eq(invites.status, 'pending'),
      ),
    );
  return pending?.id ?? null;
}
