import type { Client } from '@temporalio/client';
import type { DbOrTx } from '../../src/db/client.js';
import {
  calendarBlocks,
  creditAccounts,
  creditLedger,
  emailLog,
  invites,
  notifications,
  questionnaires,
  sessions,
} from '../../src/db/schema.js';
import { InviteStatusKey } from '../../src/temporal/search-attributes.js';
import type { ResendRequest } from './fake-resend.js';

export interface WorkflowSummary {
  status: string;
  inviteStatus: string | undefined;
}

/** Everything the invariants look at, read once after the run settled. */
export interface Snapshot {
  takenAt: number;
  accounts: (typeof creditAccounts.$inferSelect)[];
  ledger: (typeof creditLedger.$inferSelect)[];
  invites: (typeof invites.$inferSelect)[];
  blocks: (typeof calendarBlocks.$inferSelect)[];
  sessions: (typeof sessions.$inferSelect)[];
  questionnaires: (typeof questionnaires.$inferSelect)[];
  notifications: (typeof notifications.$inferSelect)[];
  emails: (typeof emailLog.$inferSelect)[];
  resendLog: ResendRequest[];
  workflows: Map<string, WorkflowSummary>;
}

export type Rows = Omit<Snapshot, 'takenAt' | 'resendLog' | 'workflows'>;

export async function readRows(db: DbOrTx): Promise<Rows> {
  return {
    accounts: await db.select().from(creditAccounts),
    ledger: await db.select().from(creditLedger),
    invites: await db.select().from(invites),
    blocks: await db.select().from(calendarBlocks),
    sessions: await db.select().from(sessions),
    questionnaires: await db.select().from(questionnaires),
    notifications: await db.select().from(notifications),
    emails: await db.select().from(emailLog),
  };
}

/** Every workflow of the run's own dev server, with its status and its InviteStatus. */
export async function readWorkflows(client: Client): Promise<Map<string, WorkflowSummary>> {
  const workflows = new Map<string, WorkflowSummary>();
  for await (const info of client.workflow.list()) {
    workflows.set(info.workflowId, {
      status: info.status.name,
      inviteStatus: info.typedSearchAttributes.get(InviteStatusKey),
    });
  }
  return workflows;
}
