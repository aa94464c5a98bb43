import type postgres from 'postgres';
import { call, makePairs, type Pair } from './people.js';
import type { Stack } from './processes.js';
import { median } from './stats.js';

export interface ListTiming {
  list: 'invites' | 'sessions' | 'notifications';
  rows: number;
  p50Ms: number;
  items: number;
  bytes: number;
}

/**
 * `rows` invites, held blocks, sessions and client notifications for one coach and client,
 * inserted in one statement each: list pages measure reading, not how the rows came about.
 */
async function seed(sql: postgres.Sql, pair: Pair, rows: number): Promise<void> {
  const tag = pair.coach.id;
  const base = new Date(Date.now() + 400 * 24 * 3_600_000).toISOString();
  const coach = pair.coach.id;
  const client = pair.client.id;
  await sql.begin(async (tx) => {
    await tx`insert into invites (id, kind, coach_id, client_id, starts_at, ends_at, credit_cost, status, expires_at, workflow_id)
      select md5(${tag} || 'i' || g)::uuid, 'new', ${coach}, ${client},
        ${base}::timestamptz + g * interval '2 hours', ${base}::timestamptz + g * interval '2 hours' + interval '1 hour',
        1, 'pending', now() + interval '7 days', 'bench-seed-' || g
      from generate_series(1, ${rows}::int) g`;
    await tx`insert into calendar_blocks (id, coach_id, starts_at, ends_at, status, invite_id)
      select md5(${tag} || 'b' || g)::uuid, ${coach},
        ${base}::timestamptz + g * interval '2 hours', ${base}::timestamptz + g * interval '2 hours' + interval '1 hour',
        'booked', md5(${tag} || 'i' || g)::uuid
      from generate_series(1, ${rows}::int) g`;
    await tx`insert into sessions (id, invite_id, coach_id, client_id, block_id, starts_at, ends_at, credit_cost)
      select md5(${tag} || 's' || g)::uuid, md5(${tag} || 'i' || g)::uuid, ${coach}, ${client},
        md5(${tag} || 'b' || g)::uuid,
        ${base}::timestamptz + g * interval '2 hours', ${base}::timestamptz + g * interval '2 hours' + interval '1 hour', 1
      from generate_series(1, ${rows}::int) g`;
    await tx`insert into notifications (user_id, key, type, title, body, created_at)
      select ${client}, ${tag} || ':n:' || g, 'invite_sent', 'Seeded notification', 'Seeded by the benchmark.',
        now() - g * interval '1 minute'
      from generate_series(1, ${rows}::int) g`;
  });
  await sql`analyze invites, calendar_blocks, sessions, notifications`;
}

/** The p50 of `repeats` requests for the first page (`?limit=50`) of each list at each size. */
export async function timeListPages(
  stack: Stack,
  sql: postgres.Sql,
  sizes: number[],
  repeats: number,
): Promise<ListTiming[]> {
  const timings: ListTiming[] = [];
  const pairs = await makePairs(stack, sizes.length, 1);
  for (const [n, rows] of sizes.entries()) {
    const pair = pairs[n]!;
    await seed(sql, pair, rows);
    const lists = [
      ['invites', pair.coach.token],
      ['sessions', pair.coach.token],
      ['notifications', pair.client.token],
    ] as const;
    for (const [list, token] of lists) {
      const ms: number[] = [];
      let last: { json: any; ms: number } | null = null;
      for (let i = 0; i < repeats; i++) {
        last = await call(stack, 'GET', `/v1/${list}?limit=50`, token);
        ms.push(last.ms);
      }
      const items = Array.isArray(last?.json?.items) ? last.json.items.length : -1;
      timings.push({
        list,
        rows,
        p50Ms: median(ms),
        items,
        bytes: JSON.stringify(last?.json).length,
      });
    }
  }
  return timings;
}
