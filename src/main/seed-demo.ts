import { signToken } from '../api/auth.js';
import { signInLink, SIGN_IN_LINK_MAX_MS } from '../auth/sign-in-tokens.js';
import type { Db } from '../db/client.js';
import { assignClient } from '../db/queries/coach-clients.js';
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
  secondClient: {
    id: '00000000-0000-4000-8000-0000000c1e48',
    role: 'client',
    name: 'Robin Rivera',
    email: 'robin@example.com',
    timezone: 'Europe/London',
  },
  operatorId: '00000000-0000-4000-8000-0000000000e8',
} as const;

/** The demo clients and the credits each starts with. */
export const DEMO_CREDITS = [
  [DEMO.client, 10],
  [DEMO.secondClient, 3],
] as const;

/**
 * Embedded mode only: a demo coach with two clients of their own (10 and 3 credits), once; a
 * repeated start changes nothing.
 */
export async function seedDemo(db: Db, now: Date): Promise<void> {
  await upsertUser(db, DEMO.coach, now);
  for (const [client, credits] of DEMO_CREDITS) {
    await upsertUser(db, client, now);
    await assignClient(db, DEMO.coach.id, client.id, now);
    // The first client's key predates the second client; kept so existing demo data is not regranted.
    const key = client.id === DEMO.client.id ? 'grant:demo-seed' : `grant:demo-seed:${client.id}`;
    await db.transaction((tx) =>
      applyLedgerChange(tx, {
        userId: client.id,
        delta: credits,
        reason: 'grant',
        note: 'demo credits',
        idempotencyKey: key,
        at: now,
      }),
    );
  }
}

/** Opens the app signed in as each demo person, for `npm start`'s banner. */
export async function demoSignInLines(secret: string, appUrl: string, now: Date) {
  const until = new Date(now.getTime() + SIGN_IN_LINK_MAX_MS);
  const link = (userId: string) =>
    signInLink(secret, { appUrl, userId, now, target: { path: '/', until } });
  const people = [DEMO.coach, DEMO.client, DEMO.secondClient];
  const width = Math.max(...people.map((person) => person.name.length));
  const lines = ['Sign in to the web app as (links valid 14 days):'];
  for (const person of people)
    lines.push(`  ${person.name.padEnd(width)}  ${await link(person.id)}`);
  return lines;
}

/** Bearer tokens for the API as each demo person and an operator, for `npm start`'s banner. */
export async function demoTokenLines(secret: string) {
  const token = (id: string, role: 'coach' | 'client' | 'operator') =>
    signToken(secret, { id, role }, '30d');
  return [
    'Demo tokens (embedded mode only; valid 30 days; both clients are the coach’s own):',
    `  coach    ${DEMO.coach.id}  ${await token(DEMO.coach.id, 'coach')}`,
    `  client   ${DEMO.client.id}  ${await token(DEMO.client.id, 'client')}  (10 credits)`,
    `  client   ${DEMO.secondClient.id}  ${await token(DEMO.secondClient.id, 'client')}  (3 credits)`,
    `  operator ${DEMO.operatorId}  ${await token(DEMO.operatorId, 'operator')}`,
  ];
}
