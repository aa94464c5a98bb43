import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/harness.js';
import { slot } from '../support/invites.js';
import { launchChromium } from './support/chromium.js';
import { checkPage } from './support/pages.js';
import { bookedSession, openInviteEmail, sendInvite } from './support/people.js';
import { startService, type Service } from './support/service.js';

let service: Service;
let browser: Browser;

beforeAll(async () => {
  [service, browser] = await Promise.all([startService(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await service?.close();
});

describe('answering an invite', () => {
  it('declines with a reason and suggests contacting the coach', async () => {
    const coach = await service.createUser('coach', { name: 'Maria Jensen' });
    const client = await service.createUser('client', { name: 'Alex Morgan', credits: 2 });
    const invite = await sendInvite(service, coach, client, slot(5));
    const page = await openInviteEmail(service, browser, client, invite.id);

    await page.getByRole('button', { name: 'Decline', exact: true }).click();
    await page.waitForURL(`${service.baseUrl}/invites/${invite.id}/decline`);
    await page.getByLabel('Reason').fill('I am travelling that week.');
    await checkPage(page, 'decline');
    await page.getByRole('button', { name: 'Decline', exact: true }).click();

    await page.getByRole('heading', { name: 'Invite declined' }).waitFor();
    const contact = page.getByRole('link', { name: 'Contact coach' });
    expect(await contact.getAttribute('href')).toMatch(new RegExp(`^mailto:${coach.email}\\?`));
    await checkPage(page, 'declined');
    const { body } = await client.api.get(`/v1/invites/${invite.id}`);
    expect(body).toMatchObject({ status: 'declined', declineReason: 'I am travelling that week.' });
    await page.context().close();
  });

  it('declines and goes on to book a new time', async () => {
    const coach = await service.createUser('coach', { name: 'Maria Jensen' });
    const client = await service.createUser('client', { credits: 2 });
    const invite = await sendInvite(service, coach, client, slot(5));
    const page = await openInviteEmail(service, browser, client, invite.id);

    await page.getByRole('button', { name: 'Decline', exact: true }).click();
    await page.getByRole('button', { name: 'Decline and book a new time' }).click();
    await page.waitForURL(`${service.baseUrl}/book?coachId=${coach.id}`);
    await page.getByRole('heading', { name: 'Book a new time' }).waitFor();
    await page.getByText(`with ${coach.name}`).waitFor();
    await checkPage(page, 'book');
    expect((await client.api.get(`/v1/invites/${invite.id}`)).body.status).toBe('declined');
    await page.context().close();
  });

  it('with too few credits names the cost and the balance, and the invite stays pending', async () => {
    const coach = await service.createUser('coach', { name: 'Maria Jensen' });
    const client = await service.createUser('client', { name: 'Alex Morgan' });
    const invite = await sendInvite(service, coach, client, slot(5));
    const page = await openInviteEmail(service, browser, client, invite.id);

    await page.getByRole('button', { name: 'Accept' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'This session costs 1 credit and your balance is 0 credits' })
      .waitFor();
    await checkPage(page, 'invite-too-few-credits');
    expect((await client.api.get(`/v1/invites/${invite.id}`)).body.status).toBe('pending');
    expect(await page.getByRole('button', { name: 'Accept' }).isEnabled()).toBe(true);
    await page.context().close();
  });

  it('an invite that expires while open says so and offers no answers', async () => {
    const coach = await service.createUser('coach');
    const client = await service.createUser('client', { credits: 1 });
    // Signed in first (by another invite's button), so only the page's loading races the expiry.
    const other = await sendInvite(service, coach, client, slot(5));
    const page = await openInviteEmail(service, browser, client, other.id);
    // An invite waits no longer than its slot's start: this one expires in a few seconds.
    const startsAt = new Date(Date.now() + 6_000);
    const when = {
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
    };
    const invite = await sendInvite(service, coach, client, when);
    await page.goto(`${service.baseUrl}/invites/${invite.id}`);
    await page.getByRole('button', { name: 'Accept' }).waitFor();

    await eventually(
      async () => (await client.api.get(`/v1/invites/${invite.id}`)).body.status === 'expired',
      30_000,
    );
    await page.getByRole('button', { name: 'Accept' }).click();
    await page.getByRole('alert').filter({ hasText: 'This invite has expired' }).waitFor();
    await page.getByText('Expired', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Accept' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Decline' }).count()).toBe(0);
    await checkPage(page, 'invite-expired');
    await page.context().close();
  });

  it('an invite withdrawn while open says so', async () => {
    const coach = await service.createUser('coach');
    const client = await service.createUser('client', { credits: 1 });
    const invite = await sendInvite(service, coach, client, slot(5));
    const page = await openInviteEmail(service, browser, client, invite.id);

    expect((await coach.api.post(`/v1/invites/${invite.id}/cancel`, {})).status).toBe(200);
    await page.getByRole('button', { name: 'Accept' }).click();
    await page.getByRole('alert').filter({ hasText: 'Your coach withdrew this invite' }).waitFor();
    await page.getByText('Withdrawn by your coach').waitFor();
    expect(await page.getByRole('button', { name: 'Accept' }).count()).toBe(0);
    expect((await client.api.get('/v1/credits')).body.balance).toBe(1);
    await page.context().close();
  });

  it('a reschedule declined keeps the original time; a slot across a DST change shows both offsets', async () => {
    const coach = await service.createUser('coach', { name: 'Maria Jensen' });
    const client = await service.createUser('client', {
      name: 'Alex Morgan',
      credits: 2,
      timezone: 'Europe/Berlin',
    });
    const session = await bookedSession(service, coach, client, slot(6));
    // Berlin moves its clocks forward at 01:00 UTC on 28 March 2027.
    const proposed = await coach.api.post(`/v1/sessions/${session.id}/reschedule`, {
      startsAt: '2027-03-28T00:30:00.000Z',
      endsAt: '2027-03-28T01:30:00.000Z',
      message: 'Could we move to the weekend?',
    });
    expect(proposed.status, JSON.stringify(proposed.body)).toBe(201);
    const page = await openInviteEmail(service, browser, client, proposed.body.id);

    await page.getByRole('heading', { name: `New time proposed with ${coach.name}` }).waitFor();
    await page
      .getByText('Sun 28 Mar 2027, 01:30 GMT+1 – 03:30 GMT+2 (Europe/Berlin)')
      .first()
      .waitFor();
    await page.getByText('If you decline, the session keeps its original time.').waitFor();
    await checkPage(page, 'invite-reschedule');

    await page.getByRole('button', { name: 'Decline', exact: true }).click();
    await page.getByRole('button', { name: 'Decline', exact: true }).click();
    await page.getByRole('heading', { name: 'Invite declined' }).waitFor();
    const kept = await client.api.get(`/v1/sessions/${session.id}`);
    expect(kept.body).toMatchObject({
      status: 'booked',
      startsAt: session.startsAt,
      endsAt: session.endsAt,
    });
    await page.context().close();
  });
});
