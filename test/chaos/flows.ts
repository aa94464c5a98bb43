import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { Answer, CallOptions } from './http.js';
import type { People, Person } from './people.js';
import type { ServiceTimings } from './options.js';
import { seededRandom, sleep, type Random } from './random.js';

export const FLOW_KINDS = [
  'accept',
  'accept-after-wait',
  'decline',
  'decline-rebook',
  'expire',
  'withdraw',
  'client-cancel-early',
  'client-cancel-late',
  'coach-cancel',
  'reschedule-accepted',
  'reschedule-declined',
  'questionnaire',
] as const;
export type FlowKind = (typeof FLOW_KINDS)[number];

const WEIGHTS: Record<FlowKind, number> = {
  accept: 2,
  'accept-after-wait': 1,
  decline: 1,
  'decline-rebook': 1,
  expire: 1.5,
  withdraw: 1,
  'client-cancel-early': 1,
  'client-cancel-late': 1,
  'coach-cancel': 1,
  'reschedule-accepted': 1,
  'reschedule-declined': 1,
  questionnaire: 1.5,
};

/** One HTTP step of a flow: what was asked and what the API finally answered. */
export type Step = {
  sentAt: number;
  at: number;
  status: number;
  code?: string;
  attempts: number;
} & (
  | {
      action: 'create';
      kind: 'new' | 'reschedule';
      coachId: string;
      clientId: string;
      sessionId: string | null;
      startsAt: string;
      endsAt: string;
      inviteId?: string;
    }
  | { action: 'accept'; inviteId: string; sessionId?: string }
  | { action: 'decline'; inviteId: string; rebook: boolean; nextUrl?: string | null }
  | { action: 'withdraw'; inviteId: string }
  | {
      action: 'cancel-session';
      sessionId: string;
      by: 'coach' | 'client';
      refundedCredits?: number;
    }
  | { action: 'save-questionnaire'; sessionId: string }
);

export type FlowOutcome = 'done' | 'refused' | 'failed' | 'aborted';

export interface FlowRecord {
  id: string;
  kind: FlowKind;
  startedAt: number;
  endedAt: number;
  outcome: FlowOutcome;
  /** Why a flow did not get through: the status and problem code that stopped it. */
  reason?: string;
}

/** What the run meant to do and what it saw, for the report and the cross-checks against the data. */
export class Observations {
  readonly flows: FlowRecord[] = [];
  readonly steps: Step[] = [];
  /** Emits `accepting` just before an accept is sent, for faults that strike mid-acceptance. */
  readonly events = new EventEmitter();
}

/** Refusals a flow may meet when faults delay it past a deadline: not a fault of the service. */
const TIMING_REFUSALS = new Set(['invite_expired', 'session_not_active']);

/** Every coach's taken time, so flows never ask for a slot the run itself already holds. */
class Calendar {
  private readonly taken = new Map<string, [number, number][]>();

  private earliestFree(coachId: string, from: number, lengthMs: number): number {
    const taken = this.taken.get(coachId) ?? [];
    let start = from;
    for (let moved = true; moved;) {
      moved = false;
      for (const [s, e] of taken) {
        if (start < e + 1_000 && start + lengthMs + 1_000 > s) {
          start = e + 1_000;
          moved = true;
        }
      }
    }
    return start;
  }

  private take(coachId: string, start: number, lengthMs: number) {
    const list = this.taken.get(coachId) ?? [];
    list.push([start, start + lengthMs]);
    this.taken.set(coachId, list);
    return {
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(start + lengthMs).toISOString(),
    };
  }

  /** A free slot about `leadMs` from now with the coach that can offer the earliest one. */
  reserve(coaches: Person[], rng: Random, leadMs: number, lengthMs: number) {
    const from = Math.ceil((Date.now() + leadMs) / 1_000) * 1_000;
    const offers = rng
      .shuffled(coaches)
      .map((coach) => ({ coach, start: this.earliestFree(coach.id, from, lengthMs) }));
    const best = offers.reduce((a, b) => (b.start < a.start ? b : a));
    return { coach: best.coach, ...this.take(best.coach.id, best.start, lengthMs) };
  }

  reserveFor(coach: Person, leadMs: number, lengthMs: number) {
    const from = Math.ceil((Date.now() + leadMs) / 1_000) * 1_000;
    return this.take(coach.id, this.earliestFree(coach.id, from, lengthMs), lengthMs);
  }
}

interface FlowContext {
  rng: Random;
  people: People;
  calendar: Calendar;
  timings: ServiceTimings;
  observations: Observations;
  stop: AbortSignal;
}

/** One flow's bookkeeping: each answer is recorded, and the first unexpected one ends the flow. */
class Flow {
  outcome: FlowOutcome = 'done';
  reason: string | undefined;

  constructor(private readonly ctx: FlowContext) {}

  record(step: Step) {
    this.ctx.observations.steps.push(step);
  }

  /** True when the answer is the one the flow needs; otherwise notes why the flow stops. */
  expect(answer: Answer, wanted: number): boolean {
    if (answer.status === wanted) return true;
    const code = codeOf(answer);
    this.reason = `${answer.status}${code ? ` ${code}` : ''}`;
    if (this.ctx.stop.aborted) this.outcome = 'aborted';
    else if (answer.status >= 400 && answer.status < 500 && code && TIMING_REFUSALS.has(code))
      this.outcome = 'refused';
    else this.outcome = 'failed';
    return false;
  }
}

const codeOf = (answer: Answer): string | undefined =>
  typeof answer.body?.code === 'string' ? answer.body.code : undefined;

const SECOND = 1_000;

/** A create's options: its own Idempotency-Key; now and then the first answer is lost on the way. */
const createOptions = (ctx: FlowContext): CallOptions => ({
  idempotencyKey: randomUUID(),
  dropFirstAnswerAfterMs: ctx.rng.next() < 0.15 ? ctx.rng.between(30, 400) : undefined,
});

async function openInvite(ctx: FlowContext, flow: Flow, leadMs: number, lengthMs: number) {
  const client = ctx.rng.pick(ctx.people.clients);
  const { coach, startsAt, endsAt } = ctx.calendar.reserve(
    ctx.people.coaches,
    ctx.rng,
    leadMs,
    lengthMs,
  );
  const answer = await coach.api.post(
    '/v1/invites',
    { clientId: client.id, startsAt, endsAt, message: 'A session to keep you going.' },
    createOptions(ctx),
  );
  flow.record({
    action: 'create',
    kind: 'new',
    coachId: coach.id,
    clientId: client.id,
    sessionId: null,
    startsAt,
    endsAt,
    at: Date.now(),
    status: answer.status,
    code: codeOf(answer),
    attempts: answer.attempts,
    sentAt: answer.sentAt,
    inviteId: answer.status === 201 ? answer.body.id : undefined,
  });
  if (!flow.expect(answer, 201)) return null;
  return { inviteId: answer.body.id as string, coach, client };
}

/** Accepts, now and then with a double click: every answer must be 200 with the same session. */
async function accept(ctx: FlowContext, flow: Flow, client: Person, inviteId: string) {
  ctx.observations.events.emit('accepting');
  const clicks = ctx.rng.next() < 0.25 ? 2 : 1;
  const answers = await Promise.all(
    Array.from({ length: clicks }, () => client.api.post(`/v1/invites/${inviteId}/accept`, {})),
  );
  for (const answer of answers) {
    flow.record({
      action: 'accept',
      inviteId,
      at: Date.now(),
      status: answer.status,
      code: codeOf(answer),
      attempts: answer.attempts,
      sentAt: answer.sentAt,
      sessionId: answer.status === 200 ? answer.body.session?.id : undefined,
    });
  }
  const answer = answers.find((a) => a.status !== 200) ?? answers[0]!;
  return flow.expect(answer, 200) ? (answer.body.session.id as string) : null;
}

async function decline(
  ctx: FlowContext,
  flow: Flow,
  client: Person,
  inviteId: string,
  rebook: boolean,
) {
  const answer = await client.api.post(`/v1/invites/${inviteId}/decline`, {
    reason: rebook ? 'Another time suits me better' : 'I cannot make it',
    rebook,
  });
  flow.record({
    action: 'decline',
    inviteId,
    rebook,
    at: Date.now(),
    status: answer.status,
    code: codeOf(answer),
    attempts: answer.attempts,
    sentAt: answer.sentAt,
    nextUrl: answer.status === 200 ? (answer.body.next?.url ?? null) : undefined,
  });
  return flow.expect(answer, 200);
}

async function cancelSession(ctx: FlowContext, flow: Flow, by: Person, sessionId: string) {
  const answer = await by.api.post(`/v1/sessions/${sessionId}/cancel`, {
    reason: `${by.role} cancelled`,
  });
  flow.record({
    action: 'cancel-session',
    sessionId,
    by: by.role,
    at: Date.now(),
    status: answer.status,
    code: codeOf(answer),
    attempts: answer.attempts,
    sentAt: answer.sentAt,
    refundedCredits: answer.status === 200 ? answer.body.refundedCredits : undefined,
  });
  return flow.expect(answer, 200);
}

async function reschedule(
  ctx: FlowContext,
  flow: Flow,
  coach: Person,
  client: Person,
  sessionId: string,
  answerWith: 'accept' | 'decline',
) {
  const { startsAt, endsAt } = ctx.calendar.reserveFor(
    coach,
    soonLead(ctx) + 40 * SECOND,
    60 * SECOND,
  );
  const proposed = await coach.api.post(
    `/v1/sessions/${sessionId}/reschedule`,
    { startsAt, endsAt, message: 'Could we move it?' },
    createOptions(ctx),
  );
  flow.record({
    action: 'create',
    kind: 'reschedule',
    coachId: coach.id,
    clientId: client.id,
    sessionId,
    startsAt,
    endsAt,
    at: Date.now(),
    status: proposed.status,
    code: codeOf(proposed),
    attempts: proposed.attempts,
    sentAt: proposed.sentAt,
    inviteId: proposed.status === 201 ? proposed.body.id : undefined,
  });
  if (!flow.expect(proposed, 201)) return;
  await sleep(ctx.rng.between(0, 3) * SECOND, ctx.stop);
  if (answerWith === 'accept') await accept(ctx, flow, client, proposed.body.id);
  else await decline(ctx, flow, client, proposed.body.id, false);
}

async function saveQuestionnaire(ctx: FlowContext, flow: Flow, client: Person, sessionId: string) {
  const current = await client.api.get(`/v1/sessions/${sessionId}/questionnaire`);
  if (!flow.expect(current, 200)) return;
  const questions: { id: string; kind: string; options?: string[] }[] =
    current.body.questions ?? [];
  const answers = questions.length
    ? Object.fromEntries(
        questions.map((q) => [
          q.id,
          q.kind === 'choice'
            ? (q.options?.[0] ?? 'yes')
            : q.kind === 'scale'
              ? 3
              : 'Steady progress',
        ]),
      )
    : { focus: 'Staying calm when things break', changes: 'More sleep', notes: null };
  const saved = await client.api.put(`/v1/sessions/${sessionId}/questionnaire`, { answers });
  flow.record({
    action: 'save-questionnaire',
    sessionId,
    at: Date.now(),
    status: saved.status,
    code: codeOf(saved),
    attempts: saved.attempts,
    sentAt: saved.sentAt,
  });
  flow.expect(saved, 200);
}

/** Sessions that start soon enough for their questionnaire reminders to fall inside the run. */
const soonLead = (ctx: FlowContext) => ctx.timings.questionnaireRemindersMs[0]! + 10 * SECOND;

async function runFlow(ctx: FlowContext, kind: FlowKind, flow: Flow): Promise<void> {
  const { rng, timings } = ctx;
  const soon = () => soonLead(ctx) + rng.between(0, 40) * SECOND;
  const later = () => rng.between(100, 300) * SECOND;
  const pause = (maxSeconds: number) => sleep(rng.between(0, maxSeconds * 1_000), ctx.stop);
  const minute = 60 * SECOND;

  switch (kind) {
    case 'expire': {
      await openInvite(ctx, flow, timings.inviteTtlMs + later(), minute);
      return;
    }
    case 'decline':
    case 'decline-rebook': {
      const opened = await openInvite(ctx, flow, later(), minute);
      if (!opened) return;
      await pause(3);
      await decline(ctx, flow, opened.client, opened.inviteId, kind === 'decline-rebook');
      return;
    }
    case 'withdraw': {
      const opened = await openInvite(ctx, flow, later(), minute);
      if (!opened) return;
      await pause(3);
      const answer = await opened.coach.api.post(`/v1/invites/${opened.inviteId}/cancel`, {});
      flow.record({
        action: 'withdraw',
        inviteId: opened.inviteId,
        at: Date.now(),
        status: answer.status,
        code: codeOf(answer),
        attempts: answer.attempts,
        sentAt: answer.sentAt,
      });
      flow.expect(answer, 200);
      return;
    }
    case 'accept-after-wait': {
      const opened = await openInvite(ctx, flow, timings.inviteTtlMs + later(), minute);
      if (!opened) return;
      await sleep(rng.between(2_000, timings.inviteTtlMs - 3_000), ctx.stop);
      await accept(ctx, flow, opened.client, opened.inviteId);
      return;
    }
    default: {
      const lead =
        kind === 'client-cancel-late'
          ? timings.cancellationWindowMs - 15 * SECOND + rng.between(0, 5) * SECOND
          : kind === 'client-cancel-early'
            ? timings.cancellationWindowMs + later()
            : soon();
      const opened = await openInvite(
        ctx,
        flow,
        lead,
        kind === 'client-cancel-late' ? 30 * SECOND : minute,
      );
      if (!opened) return;
      await pause(2);
      const sessionId = await accept(ctx, flow, opened.client, opened.inviteId);
      if (!sessionId) return;
      if (kind === 'accept') {
        // Some clients open the invite's link again later: the same session, nothing charged.
        if (rng.next() < 0.3) {
          await pause(8);
          await accept(ctx, flow, opened.client, opened.inviteId);
        }
        return;
      }
      if (kind === 'client-cancel-early' || kind === 'client-cancel-late') {
        await pause(2);
        await cancelSession(ctx, flow, opened.client, sessionId);
      } else if (kind === 'coach-cancel') {
        await pause(5);
        await cancelSession(ctx, flow, opened.coach, sessionId);
      } else if (kind === 'reschedule-accepted' || kind === 'reschedule-declined') {
        await pause(3);
        const answer = kind === 'reschedule-accepted' ? 'accept' : 'decline';
        await reschedule(ctx, flow, opened.coach, opened.client, sessionId, answer);
      } else if (kind === 'questionnaire') {
        // Some clients answer after their first reminder, some at once; some change their answers.
        await pause(rng.next() < 0.5 ? 0 : 30);
        await saveQuestionnaire(ctx, flow, opened.client, sessionId);
        if (rng.next() < 0.3) await saveQuestionnaire(ctx, flow, opened.client, sessionId);
      }
    }
  }
}

/**
 * A steady mix of flows: `lanes` loops, each with its own seeded choices, start flows until the
 * window closes or `maxFlows` have started. Flows still running then may finish until `stop` aborts.
 */
export async function runFlows(input: {
  seed: number;
  lanes: number;
  maxFlows: number;
  until: number;
  people: People;
  timings: ServiceTimings;
  observations: Observations;
  stop: AbortSignal;
}): Promise<void> {
  const calendar = new Calendar();
  let started = 0;
  const lane = async (index: number) => {
    const rng = seededRandom(input.seed * 7919 + index + 1);
    const ctx: FlowContext = { ...input, rng, calendar };
    await sleep(index * 300, input.stop);
    while (Date.now() < input.until && started < input.maxFlows && !input.stop.aborted) {
      const kind = rng.weighted(WEIGHTS);
      const id = `${kind}-${++started}`;
      const flow = new Flow(ctx);
      const startedAt = Date.now();
      try {
        await runFlow(ctx, kind, flow);
      } catch (error) {
        flow.outcome = 'failed';
        flow.reason = `runner error: ${(error as Error).message}`;
      }
      input.observations.flows.push({
        id,
        kind,
        startedAt,
        endedAt: Date.now(),
        outcome: flow.outcome,
        reason: flow.reason,
      });
      await sleep(rng.between(500, 2_500), input.stop);
    }
  };
  await Promise.all(Array.from({ length: input.lanes }, (_, i) => lane(i)));
}
