import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTracing, type Tracing } from '../../src/observability/tracing.js';
import { eventually, startHarness, type Harness } from '../support/harness.js';
import { slot } from '../support/invites.js';

const exporter = new InMemorySpanExporter();
let tracing: Tracing | null;
let h: Harness;
beforeAll(async () => {
  // Before the harness connects: its database, Temporal client and worker are then traced.
  tracing = startTracing({ serviceName: 'coach-invites-test', exporter });
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
  await tracing?.shutdown();
});

/** The chain of names from `span` up to its trace's root, through each parent. */
function ancestry(span: ReadableSpan, spans: ReadableSpan[]): string[] {
  const byId = new Map(spans.map((each) => [each.spanContext().spanId, each]));
  const names: string[] = [];
  for (let at: ReadableSpan | undefined = span; at; at = byId.get(at.parentSpanId ?? '')) {
    names.push(at.name);
  }
  return names;
}

describe('one trace from the HTTP request to the database', () => {
  it('runs from the accept route through the update, the workflow and its activity to SQL', async () => {
    const coach = await h.createUser('coach');
    const client = await h.createUser('client', { credits: 1, coach });
    const invite = (await coach.api.post('/v1/invites', { clientId: client.id, ...slot(2) })).body;
    const traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    const accepted = await client.api.raw(
      'POST',
      `/v1/invites/${invite.id}/accept`,
      {},
      {
        traceparent,
      },
    );
    expect(accepted.status).toBe(200);

    const traceId = '0af7651916cd43dd8448eb211c80319c';
    const inTrace = () =>
      exporter.getFinishedSpans().filter((s) => s.spanContext().traceId === traceId);
    // The activity's transaction ends before the workflow task that reports it is exported.
    const dbSpan = await eventually(async () => {
      const spans = inTrace();
      return spans.find(
        (span) =>
          span.attributes['db.system'] === 'postgresql' &&
          ancestry(span, spans).some((name) => name === 'RunActivity:acceptInvite') &&
          ancestry(span, spans).some((name) => name.startsWith('HandleUpdate:')),
      );
    });
    const chain = ancestry(dbSpan, inTrace());
    expect(chain.at(-1)).toBe('POST /v1/invites/:id/accept');
    expect(chain).toEqual(
      expect.arrayContaining([
        'RunActivity:acceptInvite',
        'StartActivity:acceptInvite',
        expect.stringMatching(/^HandleUpdate:/),
        expect.stringMatching(/^StartWorkflowUpdate:/),
      ]),
    );
    // The caller's traceparent is the HTTP span's parent.
    const root = inTrace().find((span) => span.name === 'POST /v1/invites/:id/accept');
    expect(root?.parentSpanId).toBe('b7ad6b7169203331');
    expect(root?.attributes['http.route']).toBe('/v1/invites/:id/accept');
    // A database span says what kind of statement ran, never its text or its values.
    const dbSpans = inTrace().filter((span) => span.attributes['db.system'] === 'postgresql');
    for (const span of dbSpans) {
      expect(Object.keys(span.attributes).sort()).toEqual(['db.operation', 'db.system']);
      expect(span.attributes['db.operation']).toMatch(/^[A-Z]+$/);
    }
    // The acceptance's statements are children of its transaction's span: the invite's lock, then
    // the charge, the booking and the events, each one statement of data-modifying CTEs.
    const transaction = dbSpans.find((span) => span.spanContext().spanId === dbSpan.parentSpanId);
    expect(transaction?.name).toBe('transaction');
    const statements = dbSpans.filter((span) => span.parentSpanId === dbSpan.parentSpanId);
    expect(statements.map((span) => span.name)).toEqual(['SELECT', 'WITH', 'WITH', 'WITH']);
  });
});
