import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.js';
import { parseCalendar } from '../support/ical.js';
import { slot, workflowResult } from '../support/invites.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

type Person = Awaited<ReturnType<Harness['createUser']>>;

async function pair() {
  const coach = await h.createUser('coach', { name: 'Dana Coach' });
  const client = await h.createUser('client', { name: 'Casey Client', credits: 3 });
  await h.operator.put(`/v1/coaches/${coach.id}/clients/${client.id}`, {});
  return { coach, client };
}

async function book(coach: Person, client: Person, at: ReturnType<typeof slot>) {
  const invite = (await coach.api.post('/v1/invites', { clientId: client.id, ...at })).body;
  const session = (await client.api.post(`/v1/invites/${invite.id}/accept`, {})).body.session;
  await workflowResult(h, invite.id);
  return session as { id: string };
}

/** GET a calendar file by its path on the service, with or without a bearer token. */
async function fetchCalendar(path: string, token?: string) {
  const response = await fetch(`${h.baseUrl}${path}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  const text = await response.text();
  const type = response.headers.get('content-type') ?? '';
  return {
    status: response.status,
    type,
    calendar: type.startsWith('text/calendar') ? parseCalendar(text) : null,
  };
}

/** The person's feed address, as a path on the test server. */
async function feedPath(person: Person) {
  const answer = await person.api.get('/v1/calendar');
  expect(answer.status).toBe(200);
  const url = new URL(answer.body.url as string);
  expect(url.origin).toBe('https://app.example.com');
  return url.pathname;
}

describe('calendar feeds', () => {
  it('list each person’s own sessions, a coach’s held slots as tentative, cancelled ones as cancelled', async () => {
    const { coach, client } = await pair();
    const other = await pair();
    const kept = await book(coach, client, slot(4, 1));
    const cancelled = await book(coach, client, slot(4, 3));
    await coach.api.post(`/v1/sessions/${cancelled.id}/cancel`, {});
    const pendingSlot = slot(4, 5);
    const pending = (await coach.api.post('/v1/invites', { clientId: client.id, ...pendingSlot }))
      .body;
    const othersSession = await book(other.coach, other.client, slot(4, 1));

    const coachFeed = await fetchCalendar(await feedPath(coach));
    expect(coachFeed.status).toBe(200);
    expect(coachFeed.type).toContain('text/calendar');
    expect(coachFeed.calendar!.method).toBe('PUBLISH');
    const byUid = Object.fromEntries(coachFeed.calendar!.events.map((e) => [e.uid, e]));
    expect(Object.keys(byUid).sort()).toEqual(
      [
        `session-${kept.id}@coach-invites`,
        `session-${cancelled.id}@coach-invites`,
        `invite-${pending.id}@coach-invites`,
      ].sort(),
    );
    expect(byUid[`session-${kept.id}@coach-invites`]).toMatchObject({
      status: 'CONFIRMED',
      sequence: 0,
      utc: true,
      ...slotOf(slot(4, 1)),
      organizer: `mailto:${coach.email}`,
      attendees: [`mailto:${client.email}`],
    });
    expect(byUid[`session-${cancelled.id}@coach-invites`]).toMatchObject({
      status: 'CANCELLED',
      sequence: 1,
    });
    expect(byUid[`invite-${pending.id}@coach-invites`]).toMatchObject({
      status: 'TENTATIVE',
      ...slotOf(pendingSlot),
    });

    // The client's feed has their sessions but no held slot; nobody sees another's sessions.
    const clientFeed = await fetchCalendar(await feedPath(client));
    expect(clientFeed.calendar!.events.map((e) => e.uid).sort()).toEqual(
      [`session-${kept.id}@coach-invites`, `session-${cancelled.id}@coach-invites`].sort(),
    );
    const othersFeed = await fetchCalendar(await feedPath(other.client));
    expect(othersFeed.calendar!.events.map((e) => e.uid)).toEqual([
      `session-${othersSession.id}@coach-invites`,
    ]);
  });

  it('keeps one address until rotated; a rotated or unknown address answers 404', async () => {
    const { coach } = await pair();
    const first = await feedPath(coach);
    expect(await feedPath(coach)).toBe(first);
    expect((await fetchCalendar(first)).status).toBe(200);

    const rotated = await coach.api.post('/v1/calendar/rotate', {});
    expect(rotated.status).toBe(200);
    const second = new URL(rotated.body.url as string).pathname;
    expect(second).not.toBe(first);
    const gone = await fetchCalendar(first);
    expect(gone.status).toBe(404);
    expect(gone.type).toContain('application/problem+json');
    expect((await fetchCalendar(second)).status).toBe(200);
    expect(await feedPath(coach)).toBe(second);
    expect((await fetchCalendar(`/calendar/${'A'.repeat(43)}.ics`)).status).toBe(404);
    expect((await fetchCalendar('/calendar/short.ics')).status).toBe(404);
    expect((await h.operator.get('/v1/calendar')).status).toBe(403);
  });

  it('gives one session as a file to its coach and client only', async () => {
    const { coach, client } = await pair();
    const stranger = await pair();
    const at = slot(4, 7);
    const session = await book(coach, client, at);
    const path = `/v1/sessions/${session.id}/calendar.ics`;
    for (const [id, role] of [
      [client.id, 'client'],
      [coach.id, 'coach'],
    ] as const) {
      const file = await fetchCalendar(path, await h.token(id, role));
      expect(file.status).toBe(200);
      expect(file.calendar!.events).toEqual([
        expect.objectContaining({
          uid: `session-${session.id}@coach-invites`,
          status: 'CONFIRMED',
          sequence: 0,
          utc: true,
          ...slotOf(at),
          url: `https://app.example.com/sessions/${session.id}`,
        }),
      ]);
    }
    expect((await fetchCalendar(path, await h.token(stranger.client.id, 'client'))).status).toBe(
      404,
    );
    expect((await fetchCalendar(path)).status).toBe(401);
  });
});

const slotOf = (at: { startsAt: string; endsAt: string }) => ({
  start: at.startsAt,
  end: at.endsAt,
});
