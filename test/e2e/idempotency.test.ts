import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invites } from '../../src/db/schema.js';
import { eventually, startHarness, type Harness } from '../support/harness.js';
import { slot, workflowResult } from '../support/invites.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

/** A coach and their client, and a POST as the coach that may carry an Idempotency-Key. */
async function people() {
  const coach = await h.createUser('coach');
  const client = await h.createUser('client', { credits: 3, coach });
  const token = await h.token(coach.id, 'coach');
  const send = async (path: string, body: unknown, key?: string) => {
    const response = await fetch(`${h.baseUrl}${path}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        ...(key === undefined ? {} : { 'idempotency-key': key }),
      },
      body: JSON.stringify(body),
    });
    return {
      status: response.status,
      body: (await response.json()) as any,
      replayed: response.headers.get('idempotent-replayed'),
    };
  };
  return { coach, client, send };
}

const invitesOf = (coachId: string) =>
  h.db.select().from(invites).where(eq(invites.coachId, coachId));

/** The ids of every invite workflow the coach's requests started, rejected ones included. */
async function workflowsOf(coachId: string) {
  return eventually(async () => {
    const ids: string[] = [];
    for await (const run of h.temporal.client.workflow.list({ query: `CoachId = "${coachId}"` }))
      ids.push(run.workflowId);
    return ids.length ? ids : undefined;
  });
}

describe('Idempotency-Key on POST /v1/invites', () => {
  it('answers a retry with the first answer, creating one invite and one workflow', async () => {
    const { coach, client, send } = await people();
    const body = { clientId: client.id, ...slot(3), message: 'See you' };
    const first = await send('/v1/invites', body, 'retry-me');
    expect(first).toMatchObject({ status: 201, replayed: null });
    const retry = await send('/v1/invites', body, 'retry-me');
    expect(retry).toEqual({ status: 201, body: first.body, replayed: 'true' });
    expect(await invitesOf(coach.id)).toHaveLength(1);
    expect(await workflowsOf(coach.id)).toEqual([first.body.workflowId]);
  });

  it('answers five concurrent retries with one invite and one workflow', async () => {
    const { coach, client, send } = await people();
    const body = { clientId: client.id, ...slot(3, 2) };
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => send('/v1/invites', body, 'concurrent')),
    );
    expect(answers.map((answer) => answer.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(answers.map((answer) => answer.body.id)).size).toBe(1);
    expect(await invitesOf(coach.id)).toHaveLength(1);
    expect(await workflowsOf(coach.id)).toEqual([answers[0]!.body.workflowId]);
  });

  it('refuses the key with another body, and keeps keys apart per caller', async () => {
    const { coach, client, send } = await people();
    expect((await send('/v1/invites', { clientId: client.id, ...slot(4) }, 'k')).status).toBe(201);
    const reused = await send('/v1/invites', { clientId: client.id, ...slot(4, 2) }, 'k');
    expect(reused).toMatchObject({ status: 422, body: { code: 'idempotency_key_reused' } });
    expect(await invitesOf(coach.id)).toHaveLength(1);

    const other = await people();
    const theirs = await other.send('/v1/invites', { clientId: other.client.id, ...slot(4) }, 'k');
    expect(theirs.status).toBe(201);
  });

  it('refuses a key that is not 1–255 printable ASCII characters', async () => {
    const { client, send } = await people();
    const body = { clientId: client.id, ...slot(5) };
    for (const key of ['', 'x'.repeat(256), 'caf\u00e9', 'tab\there']) {
      const refused = await send('/v1/invites', body, key);
      expect(refused).toMatchObject({
        status: 400,
        body: { code: 'validation_failed', errors: [{ path: 'headers.idempotency-key' }] },
      });
    }
    expect((await send('/v1/invites', body, `~ ${'x'.repeat(253)}`)).status).toBe(201);
  });

  it('replays a stored 409 slot_unavailable, even once the slot is free', async () => {
    const { client, send } = await people();
    const taken = slot(6);
    const blocker = await send('/v1/invites', { clientId: client.id, ...taken });
    expect(blocker.status).toBe(201);
    const body = { clientId: client.id, ...taken, message: 'Second try' };
    const refused = await send('/v1/invites', body, 'busy');
    expect(refused).toMatchObject({ status: 409, body: { code: 'slot_unavailable' } });

    expect((await send(`/v1/invites/${blocker.body.id}/cancel`, {})).status).toBe(200);
    expect(await send('/v1/invites', body, 'busy')).toEqual({ ...refused, replayed: 'true' });
    expect((await send('/v1/invites', body, 'fresh')).status).toBe(201);
  });

  it('forgets the key when the outcome is unknown (503), so a retry is a fresh attempt', async () => {
    const { coach, client, send } = await people();
    const body = { clientId: client.id, ...slot(7) };
    await h.stopWorker();
    const started = Date.now();
    const unknown = await send('/v1/invites', body, 'no-worker').finally(() => h.startWorker());
    expect(unknown).toMatchObject({ status: 503, body: { code: 'service_unavailable' } });
    expect(Date.now() - started).toBeLessThan(30_000);

    // The API withdrew the invite it could not confirm; once the worker runs, its slot is free.
    const [withdrawn] = await eventually(async () => {
      const rows = await invitesOf(coach.id);
      return rows.length > 0 && rows.every((row) => row.status === 'cancelled') && rows;
    });
    const retry = await send('/v1/invites', body, 'no-worker');
    expect(retry).toMatchObject({ status: 201, replayed: null });
    expect(retry.body.id).not.toBe(withdrawn!.id);
  });
});

describe('Idempotency-Key on POST /v1/sessions/:id/reschedule', () => {
  it('answers a retry with the same reschedule invite, and refuses the key elsewhere', async () => {
    const { coach, client, send } = await people();
    const invite = (await send('/v1/invites', { clientId: client.id, ...slot(8) })).body;
    const session = (await client.api.post(`/v1/invites/${invite.id}/accept`, {})).body.session;
    await workflowResult(h, invite.id);

    const path = `/v1/sessions/${session.id}/reschedule`;
    const body = slot(8, 3);
    const first = await send(path, body, 'move');
    expect(first).toMatchObject({ status: 201, body: { kind: 'reschedule' } });
    expect(await send(path, body, 'move')).toEqual({ ...first, replayed: 'true' });
    expect((await invitesOf(coach.id)).filter((row) => row.kind === 'reschedule')).toHaveLength(1);

    for (const [otherPath, otherBody] of [
      [path, slot(8, 5)],
      ['/v1/invites', { clientId: client.id, ...body }],
    ] as const) {
      const reused = await send(otherPath, otherBody, 'move');
      expect(reused).toMatchObject({ status: 422, body: { code: 'idempotency_key_reused' } });
    }
  });
});
