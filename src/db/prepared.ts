import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Db } from './client.js';

/**
 * A statement drizzle builds once per database and then runs with its placeholders filled. For the
 * statements every flow runs outside a transaction: building a query costs more CPU than its round
 * trip (in the benchmark's worker about 0.2 ms against 0.07 ms). It runs on the pool, outside any
 * transaction, so a transaction passed in is refused.
 */
export function preparedStatement<Statement>(build: (db: Db) => Statement): (db: Db) => Statement {
  const built = new WeakMap<Db, Statement>();
  return (db) => {
    if (db instanceof PgTransaction)
      throw new Error('A prepared statement cannot join a transaction');
    let statement = built.get(db);
    if (!statement) built.set(db, (statement = build(db)));
    return statement;
  };
}
