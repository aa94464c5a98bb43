import type { Client } from '@temporalio/client';
import { and, eq, lt } from 'drizzle-orm';
import type { Db } from '../../src/db/client.js';
import { invites } from '../../src/db/schema.js';
import type { ChaosResend } from './fake-resend.js';
import { sleep } from './random.js';

export interface SettleResult {
  settled: boolean;
  waitedMs: number;
  /** What was still moving when the wait ended: workflows with work in hand, invites past due. */
  busyWorkflows: number;
  overdueInvites: number;
}

const POLL_MS = 2_000;

async function busyWorkflows(client: Client): Promise<number> {
  const running: string[] = [];
  for await (const info of client.workflow.list({ query: 'ExecutionStatus = "Running"' }))
    running.push(info.workflowId);
  let busy = 0;
  for (let i = 0; i < running.length; i += 8) {
    const described = await Promise.all(
      running.slice(i, i + 8).map((id) => client.workflow.getHandle(id).describe()),
    );
    busy += described.filter(
      ({ raw }) => (raw.pendingActivities?.length ?? 0) > 0 || raw.pendingWorkflowTask != null,
    ).length;
  }
  return busy;
}

/**
 * Waits until every workflow of the run is closed or only waits on a timer (no activity or
 * workflow task in hand), no invite is pending past its expiry and no email request hangs,
 * polling up to `timeoutMs`.
 */
export async function waitUntilSettled(input: {
  client: Client;
  db: Db;
  resend: ChaosResend;
  graceMs: number;
  timeoutMs: number;
}): Promise<SettleResult> {
  const started = Date.now();
  for (;;) {
    const state = await Promise.all([
      busyWorkflows(input.client),
      input.db
        .select({ id: invites.id })
        .from(invites)
        .where(
          and(
            eq(invites.status, 'pending'),
            lt(invites.expiresAt, new Date(Date.now() - input.graceMs)),
          ),
        ),
    ])
      .then(([busy, overdue]) => ({ busy, overdue: overdue.length }))
      .catch(() => ({ busy: -1, overdue: -1 }));
    const settled = state.busy === 0 && state.overdue === 0 && input.resend.heldCount() === 0;
    const waitedMs = Date.now() - started;
    if (settled || waitedMs > input.timeoutMs)
      return { settled, waitedMs, busyWorkflows: state.busy, overdueInvites: state.overdue };
    await sleep(POLL_MS);
  }
}
