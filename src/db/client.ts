import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { activeTracing } from '../observability/tracing.js';
import { tracedSql } from '../observability/traced-sql.js';
import * as schema from './schema.js';

export type Db = PostgresJsDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export interface Database {
  db: Db;
  close(): Promise<void>;
  ping(): Promise<void>;
}

export function connectDatabase(url: string, options: { max?: number } = {}): Database {
  const sql = postgres(url, { max: options.max ?? 10, onnotice: () => {} });
  // Traced only when tracing is on: otherwise drizzle talks to postgres.js directly.
  const client = activeTracing() ? tracedSql(sql) : sql;
  return {
    db: drizzle(client, { schema }),
    close: () => sql.end({ timeout: 5 }),
    ping: async () => {
      await sql`select 1`;
    },
  };
}
