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
