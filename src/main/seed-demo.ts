import type { Db } from '../db/client.js';
import { applyLedgerChange } from '../db/queries/credits.js';
import { upsertUser } from '../db/queries/users.js';

export const DEMO = {
  coach: {
    id: '00000000-0000-4000-8000-00000000c0ac',
    role: 'coach',
    name: 'Dana Coach',
    email: 'coach@example.com',
    timezone: 'Europe/Berlin',
  },
  client: {
    id: '00000000-0000-4000-8000-0000000c1e47',
    role: 'client',
    name: 'Casey Client',
    email: 'client@example.com',
    timezone: 'America/New_York',
  },
  operatorId: '00000000-0000-4000-8000-0000000000e8',
} as const;

/** Embedded mode only: a demo coach and a demo client with 10 credits, once. */
export async function seedDemo(db: Db, now: Date): Promise<void> {
  await upsertUser(db, DEMO.coach, now);
  await upsertUser(db, DEMO.client, now);
  await db.transaction((tx) =>
    applyLedgerChange(tx, {
      userId: DEMO.client.id,
      delta: 10,
      reason: 'grant',
      note: 'demo credits',
      idempotencyKey: 'grant:demo-seed',
      at: now,
    }),
  );
}
