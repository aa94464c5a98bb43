import {
  context,
  INVALID_SPAN_CONTEXT,
  isSpanContextValid,
  SpanKind,
  SpanStatusCode,
  trace,
  type Span,
} from '@opentelemetry/api';
import type { Sql } from 'postgres';

const tracer = () => trace.getTracer('coach-invites-db');

/** The statement's first keyword (`SELECT`, `INSERT`, ...): never its text or its parameters. */
export function sqlOperation(statement: string): string {
  const keyword = /^\s*(?:--[^\n]*\n\s*)*([a-z]+)/i.exec(statement)?.[1];
  return keyword ? keyword.toUpperCase() : 'UNKNOWN';
}

/**
 * A child of the active span; none outside one (e.g. the webhook relay's poll every second), so
 * traces are requests and workflows, not a stream of lone queries.
 */
function startDbSpan(name: string, operation: string): Span {
  const active = context.active();
  const parent = trace.getSpanContext(active);
  if (!parent || !isSpanContextValid(parent)) return trace.wrapSpanContext(INVALID_SPAN_CONTEXT);
  return tracer().startSpan(
    name,
    { kind: SpanKind.CLIENT, attributes: { 'db.system': 'postgresql', 'db.operation': operation } },
    active,
  );
}

function endWith(span: Span, error?: unknown) {
  if (error !== undefined) {
    span.recordException(error instanceof Error ? error : String(error));
    span.setStatus({ code: SpanStatusCode.ERROR });
  }
  span.end();
}

type Pending = PromiseLike<unknown> & { then: PromiseLike<unknown>['then'] };

/**
 * postgres.js runs a query when it is first awaited (after drizzle chose `.values()` or not), so
 * the span starts there, as a child of the context the query was made in. Its `catch` and
 * `finally` come back through `then`: one span however many times it is awaited.
 */
function traceWhenAwaited(query: Pending, operation: string): Pending {
  const made = context.active();
  const then = query.then.bind(query);
  let settled: Promise<unknown> | undefined;
  const run = () =>
    (settled ??= context.with(made, () => {
      const span = startDbSpan(operation, operation);
      return Promise.resolve(then()).then(
        (value) => (endWith(span), value),
        (error: unknown) => {
          endWith(span, error);
          throw error;
        },
      );
    }));
  query.then = ((onFulfilled, onRejected) =>
    run().then(onFulfilled, onRejected)) as Pending['then'];
  return query;
}

/** A transaction (or savepoint) as one span; the queries made inside it are its children. */
function traceTransaction(begin: (...args: unknown[]) => unknown, name: string) {
  return (...args: unknown[]) => {
    const last = args.length - 1;
    const body = args[last] as (tx: Sql) => unknown;
    const span = startDbSpan(name, name.toUpperCase());
    const inSpan = trace.setSpan(context.active(), span);
    args[last] = (tx: Sql) => context.with(inSpan, () => body(tracedSql(tx)));
    const result = context.with(inSpan, () => begin(...args)) as Promise<unknown>;
    return result.then(
      (value) => (endWith(span), value),
      (error: unknown) => {
        endWith(span, error);
        throw error;
      },
    );
  };
}

/**
 * The postgres.js client as drizzle uses it (`unsafe`, `begin`, `savepoint`), each query and
 * transaction a span with `db.system=postgresql` and its operation. Drizzle's own tracing is
 * compiled out of its published build, so this is where the database joins a trace.
 */
export function tracedSql(sql: Sql): Sql {
  return new Proxy(sql, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      const method = (value as (...args: unknown[]) => unknown).bind(target);
      if (property === 'unsafe')
        return (statement: string, ...rest: unknown[]) =>
          traceWhenAwaited(method(statement, ...rest) as Pending, sqlOperation(statement));
      if (property === 'begin') return traceTransaction(method, 'transaction');
      if (property === 'savepoint') return traceTransaction(method, 'savepoint');
      return value;
    },
  });
}
