import { randomUUID } from 'node:crypto';
import { Agent, request as httpRequest } from 'node:http';
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

/**
 * Kept-alive connections through `node:http`: the runner shares the cores with what it measures,
 * and `fetch` costs it about 0.4 ms more CPU per request.
 */
const agent = new Agent({ keepAlive: true, maxSockets: 64 });

function request(url: URL, method: string, token: string, body?: string) {
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = httpRequest(
      url,
      {
        method,
        agent,
        timeout: 60_000,
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          ...(body === undefined ? {} : { 'content-length': Buffer.byteLength(body) }),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${method} ${url.pathname} timed out`)));
    req.on('error', reject);
    req.end(body);
  });
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
  const url = new URL(path, stack.apiUrl);
  const res = await request(
    url,
    method,
    token,
    body === undefined ? undefined : JSON.stringify(body),
  );
  const ms = performance.now() - started;
  if (res.status < 200 || res.status >= 300)
    throw new Error(`${method} ${path} answered ${res.status}: ${res.text.slice(0, 300)}`);
  return { json: res.text ? JSON.parse(res.text) : null, ms };
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
