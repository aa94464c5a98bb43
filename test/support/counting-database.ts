import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from '../../src/db/schema.js';

/**
 * A client of a test database that sees every statement it sends as PostgreSQL receives it:
 * `statementsOf(run)` answers those `run` sent, each as the kind of SQL it is, and what `run`
 * answered.
 */
export async function countingDatabase(url: string) {
  let sent: string[] = [];
  const client = postgres(url, {
    max: 1,
    onnotice: () => {},
    debug: (_connection, query) => sent.push(query),
  });
  await client`select 1`; // the connection's own start-up queries are nobody's
  return {
    db: drizzle(client, { schema }),
    async statementsOf<T>(run: () => Promise<T>): Promise<[string[], T]> {
      sent = [];
      const result = await run();
      return [sent.map((query) => query.trimStart().split(/\s/)[0]!.toLowerCase()), result];
    },
    end: () => client.end(),
  };
}
