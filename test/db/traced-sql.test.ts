import { SpanStatusCode } from '@opentelemetry/api';
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

describe('the traced postgres.js client', () => {
  it('makes one span per statement, with its operation and never its values', async () => {
    const query = sql.unsafe('select $1::text as secret', ['hunter2']);
    expect(await query).toEqual([{ secret: 'hunter2' }]);
    // `catch` and `finally` go through `then` again: still the same single run and span.
    await query.catch(() => {});
    expect(
      await sql.unsafe('  insert into pg_temp_none select 1 where false').catch(() => 'refused'),
    ).toBe('refused');
    expect(spans().map((span) => [span.name, span.attributes])).toEqual([
      ['SELECT', { 'db.system': 'postgresql', 'db.operation': 'SELECT' }],
      ['INSERT', { 'db.system': 'postgresql', 'db.operation': 'INSERT' }],
    ]);
    expect(spans()[1]?.status.code).toBe(SpanStatusCode.ERROR);
    expect(JSON.stringify(spans().map((span) => span.attributes))).not.toContain('hunter2');
  });

  it("keeps drizzle's `.values()` form and nests a transaction's statements under it", async () => {
    const rows = await sql.begin((tx) => tx.unsafe('select 1 as one').values());
    expect(rows).toEqual([[1]]);
    const [statement, transaction] = spans();
    expect(transaction?.name).toBe('transaction');
    expect(statement?.name).toBe('SELECT');
    expect(statement?.parentSpanId).toBe(transaction?.spanContext().spanId);
  });
});
