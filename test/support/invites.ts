import { eq } from 'drizzle-orm';
import { calendarBlocks, emailLog, invites } from '../../src/db/schema.js';
import type { Harness } from './harness.js';

const HOUR = 3_600_000;

/** A one-hour slot `daysAhead` days from now, shifted by `hourOffset` hours so tests never collide. */
export function slot(daysAhead: number, hourOffset = 0, lengthMs = HOUR) {
  const start = new Date(Date.now() + daysAhead * 24 * HOUR + hourOffset * HOUR);
  start.setUTCMinutes(0, 0, 0);
  return {
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + lengthMs).toISOString(),
  };
}

/** A new coach's invite to their new client (2 credits), accepted through the API. */
export async function acceptFreshInvite(h: Harness, daysAhead: number) {
  const coach = await h.createUser('coach');
  const client = await h.createUser('client', { credits: 2, coach });
  const invite = (await coach.api.post('/v1/invites', { clientId: client.id, ...slot(daysAhead) }))
    .body;
  const accepted = await client.api.post(`/v1/invites/${invite.id}/accept`, {});
  if (accepted.status !== 200) throw new Error(`not accepted: ${JSON.stringify(accepted.body)}`);
  return { coach, client, invite, accepted: accepted.body };
}

export async function blockStatus(h: Harness, inviteId: string) {
  const [row] = await h.db
    .select({ status: calendarBlocks.status })
    .from(calendarBlocks)
    .where(eq(calendarBlocks.inviteId, inviteId));
  return row?.status;
}

export async function inviteRow(h: Harness, inviteId: string) {
  const [row] = await h.db.select().from(invites).where(eq(invites.id, inviteId));
  return row;
}

/** Email log rows of one template to one recipient. */
export async function emailsOf(h: Harness, template: string, recipientId: string) {
  const rows = await h.db.select().from(emailLog).where(eq(emailLog.template, template));
  return rows.filter((row) => row.recipientId === recipientId);
}

/** Waits until the invite's workflow has closed, so every follow-up email has been handled. */
export async function workflowResult(h: Harness, inviteId: string) {
  return h.temporal.client.workflow.getHandle(`invite-${inviteId}`).result();
}
