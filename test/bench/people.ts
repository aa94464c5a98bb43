import { randomUUID } from 'node:crypto';
import { signToken } from '../../src/api/auth.js';
import type { Stack } from './processes.js';

export interface Person {
  id: string;
  token: string;
}

export interface Pair {
  coach: Person;
  client: Person;
}

/** A JSON request that must answer with a 2xx; returns the answer and how long it took. */
export async function call(
  stack: Stack,
  method: string,
  path: string,
  token: string,
  body?: unknown,
): Promise<{ json: any; ms: number }> {
  const started = performance.now();
  const res = await fetch(`${stack.apiUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    signal: AbortSignal.timeout(60_000),
  });
  const text = await res.text();
  const ms = performance.now() - started;
  if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${text.slice(0, 300)}`);
  return { json: text ? JSON.parse(text) : null, ms };
}

export async function operatorToken(stack: Stack): Promise<string> {
  return signToken(stack.secret, { id: randomUUID(), role: 'operator' }, '2h');
}

/**
 * Coaches and clients made through the operator API, each client granted `credits` and assigned to
 * their pair's coach (a coach invites only their own clients).
 */
export async function makePairs(stack: Stack, count: number, credits: number): Promise<Pair[]> {
  const operator = await operatorToken(stack);
  const person = async (role: 'coach' | 'client', n: number): Promise<Person> => {
    const id = randomUUID();
    await call(stack, 'PUT', `/v1/users/${id}`, operator, {
      role,
      name: `Bench ${role} ${n}`,
      email: `bench-${role}-${n}-${id.slice(0, 8)}@example.com`,
      timezone: 'Europe/Berlin',
    });
    if (role === 'client')
      await call(stack, 'POST', `/v1/users/${id}/credits`, operator, { amount: credits });
    return { id, token: await signToken(stack.secret, { id, role }, '2h') };
  };
  const pairs: Pair[] = [];
  for (let n = 0; n < count; n++) {
    const pair = { coach: await person('coach', n), client: await person('client', n) };
    await call(
      stack,
      'PUT',
      `/v1/coaches/${pair.coach.id}/clients/${pair.client.id}`,
      operator,
      {},
    );
    pairs.push(pair);
  }
  return pairs;
}

let nextSlot = 0;
const slotBase = Date.now() + 30 * 24 * 3_600_000;

/** A slot no other flow of the run uses: an hour each, two hours apart, a month ahead. */
export function freshSlot(): { startsAt: string; endsAt: string } {
  const start = slotBase + nextSlot++ * 2 * 3_600_000;
  return {
    startsAt: new Date(start).toISOString(),
    endsAt: new Date(start + 3_600_000).toISOString(),
  };
}
