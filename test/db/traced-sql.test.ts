import { SpanStatusCode, trace } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import postgres from 'postgres';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { tracedSql } from '../../src/observability/traced-sql.js';
import { startTracing } from '../../src/observability/tracing.js';

const exporter = new InMemorySpanExporter();
const tracing = startTracing({ serviceName: 'traced-sql-test', exporter });
const plain = postgres(inject('adminDatabaseUrl'), { max: 1, onnotice: () => {} });
const sql = tracedSql(plain);
beforeEach(() => exporter.reset());
afterAll(async () => {
  await plain.end();
  await tracing?.shutdown();
});

const spans = () => exporter.getFinishedSpans();
/** Database spans are children only: each case runs inside a span of its own. */
const inSpan = <T>(run: () => Promise<T>) =>
  trace.getTracer('test').startActiveSpan('case', async (span) => {
    try {
      return await run();
    } finally {
      span.end();
    }
  });
const dbSpans = () => spans().filter((span) => span.name !== 'case');

describe('the traced postgres.js client', () => {
  it('makes one span per statement, with its operation and never its values', async () => {
    await inSpan(async () => {
      const query = sql.unsafe('select $1::text as secret', ['hunter2']);
      expect(await query).toEqual([{ secret: 'hunter2' }]);
      // `catch` and `finally` go through `then` again: still the same single run and span.
      await query.catch(() => {});
      const refused = sql.unsafe('  insert into pg_temp_none select 1 where false');
      expect(await refused.catch(() => 'refused')).toBe('refused');
    });
    expect(dbSpans().map((span) => [span.name, span.attributes])).toEqual([
      ['SELECT', { 'db.system': 'postgresql', 'db.operation': 'SELECT' }],
      ['INSERT', { 'db.system': 'postgresql', 'db.operation': 'INSERT' }],
    ]);
    expect(dbSpans()[1]?.status.code).toBe(SpanStatusCode.ERROR);
    expect(JSON.stringify(spans().map((span) => span.attributes))).not.toContain('hunter2');
  });

  it("keeps drizzle's `.values()` form and nests a transaction's statements under it", async () => {
    const rows = await inSpan(() => sql.begin((tx) => tx.unsafe('select 1 as one').values()));
    expect(rows).toEqual([[1]]);
    const [statement, transaction, outer] = spans();
    expect(transaction?.name).toBe('transaction');
    expect(transaction?.parentSpanId).toBe(outer?.spanContext().spanId);
    expect(statement?.name).toBe('SELECT');
    expect(statement?.parentSpanId).toBe(transaction?.spanContext().spanId);
  });

  it('makes no span for a query outside any span (a poll, not a request)', async () => {
    await sql.begin((tx) => tx.unsafe('select 1'));
    expect(await sql.unsafe('select 2 as two')).toEqual([{ two: 2 }]);
    expect(spans()).toEqual([]);
  });
});
