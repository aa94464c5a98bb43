import { randomUUID } from 'node:crypto';
import { signToken } from '../../src/api/auth.js';
import type { Role } from '../../src/domain/model.js';
import { apiClient, type ApiClient, type HttpStats } from './http.js';

export interface Person {
  id: string;
  role: 'coach' | 'client';
  api: ApiClient;
}

export interface People {
  coaches: Person[];
  clients: Person[];
  grantedCredits: number;
}

const ZONES = ['Europe/Berlin', 'America/New_York', 'Asia/Tokyo', 'Australia/Sydney', 'UTC'];

/** Coaches and clients created the way the back office does it: through the operator API. */
export async function createPeople(input: {
  apiUrl: string;
  secret: string;
  stats: HttpStats;
  stop: AbortSignal;
  coaches: number;
  clients: number;
  credits: number;
}): Promise<People> {
  const as = async (id: string, role: Role) =>
    apiClient(
      input.apiUrl,
      await signToken(input.secret, { id, role }, '6h'),
      input.stats,
      input.stop,
    );
  const operator = await as(randomUUID(), 'operator');

  const create = async (role: 'coach' | 'client', index: number): Promise<Person> => {
    const id = randomUUID();
    const created = await operator.put(`/v1/users/${id}`, {
      role,
      name: `Chaos ${role} ${index}`,
      email: `${role}-${index}-${id.slice(0, 8)}@chaos.example.com`,
      timezone: ZONES[index % ZONES.length],
    });
    if (created.status !== 201)
      throw new Error(
        `creating a ${role} answered ${created.status}: ${JSON.stringify(created.body)}`,
      );
    if (role === 'client') {
      const granted = await operator.post(`/v1/users/${id}/credits`, {
        amount: input.credits,
        reason: 'chaos run',
        idempotencyKey: `chaos-${id}`,
      });
      if (granted.status !== 201)
        throw new Error(
          `granting credits answered ${granted.status}: ${JSON.stringify(granted.body)}`,
        );
    }
    return { id, role, api: await as(id, role) };
  };

  const coaches = await Promise.all(
    Array.from({ length: input.coaches }, (_, i) => create('coach', i)),
  );
  const clients = await Promise.all(
    Array.from({ length: input.clients }, (_, i) => create('client', i)),
  );
  // A coach invites only their own clients: every coach is given every client, so any flow may pair
  // any coach with any client.
  const pairs = coaches.flatMap((coach) => clients.map((client) => [coach, client] as const));
  for (const [coach, client] of pairs) {
    const assigned = await operator.put(`/v1/coaches/${coach.id}/clients/${client.id}`, {});
    if (assigned.status !== 201)
      throw new Error(
        `assigning a client answered ${assigned.status}: ${JSON.stringify(assigned.body)}`,
      );
  }
  return { coaches, clients, grantedCredits: input.credits };
}
