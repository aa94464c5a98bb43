import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startHarness, type Harness } from '../support/harness.js';
import { slot } from '../support/invites.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('notifications', () => {
  it('are listed newest first, marked read by their owner only, and filtered by unread', async () => {
    const coach = await h.createUser('coach');
    const client = await h.createUser('client', { credits: 1, coach });
    const invite = (await coach.api.post('/v1/invites', { clientId: client.id, ...slot(3) })).body;
    await client.api.post(`/v1/invites/${invite.id}/accept`, {});
    const items = await eventually(async () => {
      const list = (await client.api.get('/v1/notifications')).body.items;
      return list.length === 2 ? list : undefined;
    });
    expect(items.map((n: { type: string }) => n.type)).toEqual(['invite_accepted', 'invite_sent']);
    expect(items[0].body).toMatch(/America\/New_York/);

    const [newest] = items;
    expect((await coach.api.post(`/v1/notifications/${newest.id}/read`)).status).toBe(404);
    const read = await client.api.post(`/v1/notifications/${newest.id}/read`);
    expect(read.body).toMatchObject({ id: newest.id, readAt: expect.any(String) });
    const again = await client.api.post(`/v1/notifications/${newest.id}/read`);
    expect(again.body.readAt).toBe(read.body.readAt);
    expect(
      (await client.api.get('/v1/notifications?unread=true')).body.items.map(
        (n: { id: string }) => n.id,
      ),
    ).toEqual([items[1].id]);
    expect((await client.api.post(`/v1/notifications/${randomUUID()}/read`)).status).toBe(404);
    expect((await client.api.get('/v1/notifications?unread=maybe')).status).toBe(400);
  });
});
