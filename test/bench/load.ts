import { WithStartWorkflowOperation, type Client } from '@temporalio/client';
import type postgres from 'postgres';
import { inviteWorkflowId } from '../../src/domain/workflow-ids.js';
import {
  acceptBareUpdate,
  BARE_TASK_QUEUE,
  bareInviteWorkflow,
  openBareUpdate,
} from './bare-workflow.js';
import { call, freshSlot, type Pair } from './people.js';
import type { Stack } from './processes.js';
import { cpuDelta, sample, type ProcessRole } from './proc-stats.js';

export type FlowKind = 'bare' | 'service';

export interface Round {
  kind: FlowKind;
  concurrency: number;
  flows: number;
  errors: number;
  firstError: string | null;
  seconds: number;
  flowsPerSecond: number;
  createMs: number[];
  acceptMs: number[];
  cpuMs: Record<ProcessRole, number>;
  commits: number;
  /** Invite workflows of the round whose histories are counted. */
  workflowIds: string[];
}

export interface LoadContext {
  stack: Stack;
  temporal: Client;
  sql: postgres.Sql;
  pairs: Pair[];
}

const SETTLE_MS = 2_000; // trailing emails finish and PostgreSQL publishes its counters (≤ 1 s)
let bareCount = 0;

/** One flow: create (Update-with-Start) then accept; returns the two latencies and its id. */
async function bareFlow(ctx: LoadContext): Promise<[number, number, string]> {
  const workflowId = `bare-${process.pid}-${bareCount++}`;
  const started = performance.now();
  await ctx.temporal.workflow.executeUpdateWithStart(openBareUpdate, {
    startWorkflowOperation: new WithStartWorkflowOperation(bareInviteWorkflow, {
      workflowId,
      taskQueue: BARE_TASK_QUEUE,
      args: [workflowId],
      workflowIdConflictPolicy: 'FAIL',
    }),
  });
  const created = performance.now();
  await ctx.temporal.workflow.getHandle(workflowId).executeUpdate(acceptBareUpdate);
  return [created - started, performance.now() - created, workflowId];
}

async function serviceFlow(ctx: LoadContext, pair: Pair): Promise<[number, number, string]> {
  const body = { clientId: pair.client.id, ...freshSlot() };
  const created = await call(ctx.stack, 'POST', '/v1/invites', pair.coach.token, body);
  const id = String(created.json.id);
  const accepted = await call(ctx.stack, 'POST', `/v1/invites/${id}/accept`, pair.client.token, {});
  return [created.ms, accepted.ms, inviteWorkflowId(id)];
}

async function commitCount(sql: postgres.Sql): Promise<number> {
  const [row] =
    await sql`select xact_commit::float8 as n from pg_stat_database where datname = current_database()`;
  return Number(row?.n ?? 0);
}

/** `concurrency` lanes start flows until `seconds` pass, each lane with its own coach and client. */
export async function runRound(
  ctx: LoadContext,
  kind: FlowKind,
  concurrency: number,
  seconds: number,
): Promise<Round> {
  const before = sample();
  const round: Round = {
    kind,
    concurrency,
    flows: 0,
    errors: 0,
    firstError: null,
    seconds: 0,
    flowsPerSecond: 0,
    createMs: [],
    acceptMs: [],
    cpuMs: before.cpuMs, // replaced by the round's own use once it ends
    commits: 0,
    workflowIds: [],
  };
  const commitsBefore = await commitCount(ctx.sql);
  const started = performance.now();
  const deadline = started + seconds * 1_000;
  const lane = async (n: number) => {
    while (performance.now() < deadline) {
      try {
        const [create, accept, id] =
          kind === 'bare' ? await bareFlow(ctx) : await serviceFlow(ctx, ctx.pairs[n]!);
        round.createMs.push(create);
        round.acceptMs.push(accept);
        round.flows++;
        if (round.workflowIds.length < 5) round.workflowIds.push(id);
      } catch (error) {
        round.errors++;
        round.firstError ??= String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, n) => lane(n)));
  round.seconds = (performance.now() - started) / 1_000;
  round.flowsPerSecond = round.flows / round.seconds;
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  round.cpuMs = cpuDelta(before, sample());
  round.commits = (await commitCount(ctx.sql)) - commitsBefore;
  return round;
}

/** History events of each sampled workflow of a round (the invite, not its child). */
export async function historyEvents(temporal: Client, round: Round): Promise<number[]> {
  return Promise.all(
    round.workflowIds.map(async (id) => {
      const history = await temporal.workflow.getHandle(id).fetchHistory();
      return history.events?.length ?? 0;
    }),
  );
}
