import { signInLink, SIGN_IN_LINK_MAX_MS } from '../auth/sign-in-tokens.js';
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

/** Opens the app signed in as each demo person, for `npm start`'s banner. */
export async function demoSignInLines(secret: string, appUrl: string, now: Date) {
  const until = new Date(now.getTime() + SIGN_IN_LINK_MAX_MS);
  const link = (userId: string) =>
    signInLink(secret, { appUrl, userId, now, target: { path: '/', until } });
  return [
    'Sign in to the web app as (links valid 14 days):',
    `  ${DEMO.coach.name}   ${await link(DEMO.coach.id)}`,
    `  ${DEMO.client.name}  ${await link(DEMO.client.id)}`,
  ];
}
