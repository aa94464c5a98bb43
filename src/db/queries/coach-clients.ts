import { and, asc, eq, exists, or, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../client.js';
import { preparedStatement } from '../prepared.js';
import { coachClients, invites, users } from '../schema.js';
import { findUserWithRole } from './users.js';

/** Where a page of clients starts: after the client with this name and id. */
export interface NameKey {
  name: string;
  id: string;
}

export interface ClientListItem {
  id: string;
  name: string;
  email: string;
  timezone: string;
}

export type AssignResult = { ok: true; created: boolean } | { ok: false; reason: 'not_found' };

/** Both people, when `coachId` is a coach and `clientId` a client. */
async function pairExists(db: Db, coachId: string, clientId: string) {
  const [coach, client] = await Promise.all([
    findUserWithRole(db, coachId, 'coach'),
    findUserWithRole(db, clientId, 'client'),
  ]);
  return coach && client ? { coach, client } : undefined;
}

/** Assigns a client to a coach; assigning again changes nothing. */
export async function assignClient(
  db: Db,
  coachId: string,
  clientId: string,
  now: Date,
): Promise<AssignResult> {
  const pair = await pairExists(db, coachId, clientId);
  if (!pair) return { ok: false, reason: 'not_found' };
  const inserted = await db
    .insert(coachClients)
    .values({ coachId, clientId, clientName: pair.client.name, assignedAt: now })
    .onConflictDoNothing()
    .returning({ clientId: coachClients.clientId });
  return { ok: true, created: inserted.length > 0 };
}

/** Ends an assignment (if any); the pair's invites and sessions are left as they are. */
export async function unassignClient(
  db: Db,
  coachId: string,
  clientId: string,
): Promise<{ ok: boolean }> {
  if (!(await pairExists(db, coachId, clientId))) return { ok: false };
  await db
    .delete(coachClients)
    .where(and(eq(coachClients.coachId, coachId), eq(coachClients.clientId, clientId)));
  return { ok: true };
}

const clientOf = preparedStatement((db) =>
  db
    .select({ clientId: coachClients.clientId })
    .from(coachClients)
    .where(
      and(
        eq(coachClients.coachId, sql.placeholder('coachId')),
        eq(coachClients.clientId, sql.placeholder('clientId')),
      ),
    )
    .prepare('is_client_of'),
);

export async function isClientOf(db: Db, coachId: string, clientId: string) {
  const [row] = await clientOf(db).execute({ coachId, clientId });
  return row !== undefined;
}

/** A page of a coach's clients in (name, id) order: one range of the coach's name index. */
export async function listClientsOfCoach(
  db: DbOrTx,
  coachId: string,
  page: { limit: number; after?: NameKey },
): Promise<{ items: ClientListItem[]; next: NameKey | null }> {
  const after = page.after
    ? sql`(${coachClients.clientName}, ${coachClients.clientId}) > (${page.after.name}, ${page.after.id}::uuid)`
    : undefined;
  const rows = await db
    .select({
      id: users.id,
      name: coachClients.clientName,
      email: users.email,
      timezone: users.timezone,
    })
    .from(coachClients)
    .innerJoin(users, eq(users.id, coachClients.clientId))
    .where(and(eq(coachClients.coachId, coachId), after))
    .orderBy(asc(coachClients.clientName), asc(coachClients.clientId))
    .limit(page.limit + 1);
  const items = rows.slice(0, page.limit);
  const last = items[items.length - 1];
  return {
    items,
    next: rows.length > page.limit && last ? { name: last.name, id: last.id } : null,
  };
}

/**
 * A client as their coach sees them: one assigned to the coach, or one the coach has invited
 * (their sessions stay theirs to run after an unassignment).
 */
export async function findClientOfCoach(
  db: DbOrTx,
  coachId: string,
  clientId: string,
): Promise<ClientListItem | undefined> {
  const related = (table: typeof coachClients | typeof invites) =>
    db
      .select({ one: sql`1` })
      .from(table)
      .where(and(eq(table.coachId, coachId), eq(table.clientId, clientId)));
  const [client] = await db
    .select({ id: users.id, name: users.name, email: users.email, timezone: users.timezone })
    .from(users)
    .where(
      and(
        eq(users.id, clientId),
        eq(users.role, 'client'),
        or(exists(related(coachClients)), exists(related(invites).limit(1))),
      ),
    );
  return client;
}
