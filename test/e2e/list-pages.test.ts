import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpClient } from '../support/http.js';
import { eventually, startHarness, type Harness } from '../support/harness.js';
import { slot } from '../support/invites.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

/** Every page of a list, following `nextCursor` until it is null. */
async function allPages(api: HttpClient, path: string, limit: number) {
  const pages: { id: string; startsAt?: string }[][] = [];
  let cursor: string | null = null;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const query: string = `${separator}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`;
    const page = await api.get(`${path}${query}`);
    expect(page.status).toBe(200);
    pages.push(page.body.items);
    cursor = page.body.nextCursor;
  } while (cursor);
  return pages;
}

describe('paged lists', () => {
  it('pages a coach’s and a client’s invites soonest first, each item once', async () => {
    const coach = await h.createUser('coach');
    const client = await h.createUser('client', { credits: 3, coach });
    const sent: string[] = [];
    for (let hour = 6; hour >= 0; hour--) {
      const created = await coach.api.post('/v1/invites', {
        clientId: client.id,
        ...slot(3, hour),
      });
      sent.unshift(created.body.id);
    }
    for (const api of [coach.api, client.api]) {
      const pages = await allPages(api, '/v1/invites', 3);
      expect(pages.map((page) => page.length)).toEqual([3, 3, 1]);
      expect(pages.flat().map((invite) => invite.id)).toEqual(sent);
    }
    const first = (await coach.api.get('/v1/invites?status=pending&limit=2')).body;
    expect(first.items).toHaveLength(2);
    expect(typeof first.nextCursor).toBe('string');
    const whole = (await coach.api.get('/v1/invites')).body;
    expect(whole).toEqual({ items: expect.any(Array), nextCursor: null });
    expect(whole.items).toHaveLength(7);
  });

  it('pages sessions, and notifications newest first with the unread count', async () => {
    const coach = await h.createUser('coach');
    const client = await h.createUser('client', { credits: 3, coach });
    for (const hour of [2, 0, 1]) {
      const invite = (
        await coach.api.post('/v1/invites', { clientId: client.id, ...slot(4, hour) })
      ).body;
      expect((await client.api.post(`/v1/invites/${invite.id}/accept`, {})).status).toBe(200);
    }
    const sessions = await allPages(client.api, '/v1/sessions', 2);
    expect(sessions.map((page) => page.length)).toEqual([2, 1]);
    const starts = sessions.flat().map((session) => session.startsAt);
    expect(starts).toEqual([...starts].sort());

    const notifications = await eventually(async () => {
      const list = (await client.api.get('/v1/notifications?limit=100')).body;
      return list.items.length === 6 && list;
    });
    expect(notifications.unreadCount).toBe(6);
    const pages = await allPages(client.api, '/v1/notifications', 4);
    expect(pages.flat().map((n) => n.id)).toEqual(
      notifications.items.map((n: { id: string }) => n.id),
    );
    await client.api.post(`/v1/notifications/${notifications.items[0].id}/read`, {});
    const unread = (await client.api.get('/v1/notifications?unread=true&limit=1')).body;
    expect(unread.unreadCount).toBe(5);
    expect(unread.items).toHaveLength(1);
  });

  it('refuses a limit out of range and a cursor it did not give out', async () => {
    const coach = await h.createUser('coach');
    for (const query of ['limit=0', 'limit=101', 'limit=2.5', 'cursor=bm90LWEtY3Vyc29y']) {
      const refused = await coach.api.get(`/v1/invites?${query}`);
      expect(refused.status).toBe(400);
      expect(refused.body.errors[0].path).toBe(`query.${query.split('=')[0]}`);
    }
  });
});
