import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/harness.js';
import { slot } from '../support/invites.js';
import { launchChromium } from './support/chromium.js';
import { dayAhead, fillSlot, instantOf, invitesOf, signInFromLink } from './support/coach.js';
import { checkPage } from './support/pages.js';
import { bookedSession, ledgerOf, openInviteEmail } from './support/people.js';
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

const ZONE = 'Europe/Berlin';

describe('a coach’s session, from invite to cancellation', () => {
  it('sends an early-morning invite, reads the answers, moves it, and cancels with a refund', async () => {
    const coach = await service.createUser('coach', { name: 'Maria Jensen' });
    const client = await service.createUser('client', { name: 'Alex Morgan', credits: 2 });
    await service.assignClient(coach.id, client.id);

    const page = await signInFromLink(service, browser, coach);
    await page.getByRole('heading', { name: 'Upcoming sessions' }).waitFor();
    await page.getByText('No invites are waiting for an answer.').waitFor();
    await checkPage(page, 'coach-home-empty');

    await page.getByRole('button', { name: 'Send invite' }).click();
    await page.waitForURL(`${service.baseUrl}/invites/new`);
    await page.getByText(`Times are in your timezone, ${ZONE}`).waitFor();
    const date = dayAhead(5, ZONE);
    // 06:30 is well outside usual hours.
    await fillSlot(page, { date, time: '06:30', duration: '1 hour', message: 'An early one!' });
    expect(await page.getByLabel('Client', { exact: true }).inputValue()).toBe(client.id);
    await checkPage(page, 'coach-send-invite');
    await page.getByRole('button', { name: 'Send invite' }).click();
    await page.waitForURL(`${service.baseUrl}/`);
    await page.getByRole('status').getByText(`Invite sent to ${client.name}`).waitFor();
    const [invite] = await invitesOf(coach);
    expect(invite).toMatchObject({
      clientId: client.id,
      startsAt: instantOf(date, '06:30', ZONE),
      endsAt: new Date(Date.parse(instantOf(date, '06:30', ZONE)) + 3_600_000).toISOString(),
      message: 'An early one!',
    });
    await page.getByRole('button', { name: 'Withdraw invite' }).waitFor();
    await checkPage(page, 'coach-home');

    // The client, in a browser of their own, accepts from the email and answers the questions.
    const clientPage = await openInviteEmail(service, browser, client, invite!.id);
    await clientPage.getByRole('button', { name: 'Accept' }).click();
    await clientPage.waitForURL(/\/sessions\/[^/]+\/questionnaire$/);
    const sessionId = clientPage.url().split('/').at(-2)!;
    await clientPage
      .getByLabel('What would you like to focus on in this session?')
      .fill('Preparing for my promotion talk.');
    await clientPage.getByRole('button', { name: 'Submit' }).click();
    await clientPage.getByRole('heading', { name: 'Session confirmed' }).waitFor();

    await page.reload();
    await page.getByRole('link', { name: `Session with ${client.name}` }).click();
    await page.waitForURL(`${service.baseUrl}/sessions/${sessionId}`);
    await page.getByText('What would you like to focus on in this session?').waitFor();
    await page.getByText('Preparing for my promotion talk.').waitFor();
    await checkPage(page, 'coach-session');

    // A new time, which the client accepts.
    await page.getByRole('button', { name: 'Propose new time' }).click();
    const newDate = dayAhead(6, ZONE);
    await fillSlot(page, { date: newDate, time: '19:15', duration: '45 minutes' });
    await checkPage(page, 'coach-session-propose');
    await page.getByRole('button', { name: 'Send new time' }).click();
    await page.getByRole('status').getByText('New time sent').waitFor();
    const [proposal] = await invitesOf(coach);
    expect(proposal).toMatchObject({ kind: 'reschedule', sessionId });
    const proposalPage = await openInviteEmail(service, browser, client, proposal!.id);
    await proposalPage.getByRole('button', { name: 'Accept' }).click();
    await proposalPage.waitForURL(/\/sessions\//);
    const moved = instantOf(newDate, '19:15', ZONE);
    await eventually(async () => {
      const { body } = await client.api.get(`/v1/sessions/${sessionId}`);
      return body.startsAt === moved;
    });
    await page.reload();
    await page.getByText(/19:15–20:00 \(Europe\/Berlin\)/).waitFor();

    // Cancelling says first that the client is refunded in full, then gives the credit back.
    expect((await ledgerOf(client)).balance).toBe(1);
    await page.getByRole('button', { name: 'Cancel session' }).click();
    await page.getByText(`${client.name} is refunded in full: 1 credit`).waitFor();
    await checkPage(page, 'coach-session-cancel');
    await page.getByRole('button', { name: 'Confirm cancellation' }).click();
    await page.getByRole('status').getByText('Session cancelled').waitFor();
    expect((await ledgerOf(client)).balance).toBe(2);
    expect((await client.api.get(`/v1/sessions/${sessionId}`)).body.cancellation).toMatchObject({
      by: 'coach',
      refundedCredits: 1,
    });
    await checkPage(page, 'coach-session-cancelled');
    await Promise.all([clientPage, proposalPage, page].map((p) => p.context().close()));
  });
});

describe('the send invite form', () => {
  it('explains an overlap next to the form, keeping its values; refuses a time the clocks skip', async () => {
    const coach = await service.createUser('coach', { name: 'Maria Jensen' });
    const client = await service.createUser('client', { name: 'Alex Morgan', credits: 1 });
    await service.assignClient(coach.id, client.id);
    const date = dayAhead(8, ZONE);
    const held = {
      startsAt: instantOf(date, '22:00', ZONE),
      endsAt: instantOf(date, '23:00', ZONE),
    };
    expect((await coach.api.post('/v1/invites', { clientId: client.id, ...held })).status).toBe(
      201,
    );

    const page = await signInFromLink(service, browser, coach);
    await page.goto(`${service.baseUrl}/invites/new`);
    await fillSlot(page, { date, time: '22:30', message: 'Late, I know.' });
    await page.getByRole('button', { name: 'Send invite' }).click();
    const alert = page.getByRole('alert');
    await alert.getByText('This time overlaps a session or a pending invite').waitFor();
    expect(await page.getByLabel('Date', { exact: true }).inputValue()).toBe(date);
    expect(await page.getByLabel('Start time').inputValue()).toBe('22:30');
    expect(await page.getByLabel(/^Message/).inputValue()).toBe('Late, I know.');
    await checkPage(page, 'coach-send-invite-overlap');
    expect(await invitesOf(coach)).toHaveLength(1);

    // 02:30 on the last Sunday of March does not exist in Berlin: the clocks jump to 03:00.
    const year = new Date().getUTCFullYear() + 1;
    const springForward = lastSundayOfMarch(year);
    await fillSlot(page, { date: springForward, time: '02:30' });
    await page.getByRole('button', { name: 'Send invite' }).click();
    await page.getByText(`02:30 does not exist on ${springForward} in ${ZONE}`).waitFor();
    expect(await invitesOf(coach)).toHaveLength(1);
    await page.context().close();
  });
});

describe('withdrawing and the sent invites', () => {
  it('withdraws a pending invite from home; sent invites show every status', async () => {
    const coach = await service.createUser('coach', { name: 'Maria Jensen' });
    const client = await service.createUser('client', { name: 'Alex Morgan', credits: 1 });
    await service.assignClient(coach.id, client.id);
    const date = dayAhead(9, ZONE);
    const at = (time: string) => instantOf(date, time, ZONE);
    const first = await coach.api.post('/v1/invites', {
      clientId: client.id,
      startsAt: at('09:00'),
      endsAt: at('10:00'),
    });
    const second = await coach.api.post('/v1/invites', {
      clientId: client.id,
      startsAt: at('11:00'),
      endsAt: at('12:00'),
    });
    await client.api.post(`/v1/invites/${second.body.id}/decline`, { reason: 'Busy then.' });

    const page = await signInFromLink(service, browser, coach);
    const withdraw = page.getByRole('button', { name: 'Withdraw invite' });
    await withdraw.click();
    await page.getByText('No invites are waiting for an answer.').waitFor();
    expect((await coach.api.get(`/v1/invites/${first.body.id}`)).body.status).toBe('cancelled');

    await page.getByRole('link', { name: 'Sent invites' }).click();
    await page.getByRole('heading', { name: 'Sent invites' }).waitFor();
    await page.getByText('Withdrawn', { exact: true }).waitFor();
    await page.getByText('Declined', { exact: true }).waitFor();
    await page.getByText('Reason given: Busy then.').waitFor();
    await checkPage(page, 'coach-sent-invites');
    await page.context().close();
  });
});

describe('one coach and another', () => {
  it('cannot see another coach’s clients, invites or sessions', async () => {
    const coach = await service.createUser('coach', { name: 'Maria Jensen' });
    const mine = await service.createUser('client', { name: 'Alex Morgan' });
    const other = await service.createUser('coach', { name: 'Sam Berg' });
    const theirs = await service.createUser('client', { name: 'Robin Diaz', credits: 1 });
    await service.assignClient(coach.id, mine.id);
    const session = await bookedSession(service, other, theirs, slot(10));
    const [invite] = await invitesOf(other, 'accepted');

    const page = await signInFromLink(service, browser, coach);
    await page.goto(`${service.baseUrl}/invites/new`);
    const clients = page.getByLabel('Client', { exact: true });
    await clients.waitFor();
    const options = await clients.locator('option').allTextContents();
    expect(options).toEqual([`${mine.name} (${mine.email})`]);
    await page.goto(`${service.baseUrl}/sessions/${session.id}`);
    await page.getByRole('alert').getByText('It may belong to another coach').waitFor();
    expect(await page.getByText(theirs.name).count()).toBe(0);
    await page.goto(`${service.baseUrl}/invites`);
    await page.getByText('No invites sent yet.').waitFor();

    for (const path of [
      `/v1/clients/${theirs.id}`,
      `/v1/invites/${invite!.id}`,
      `/v1/sessions/${session.id}`,
    ])
      expect((await coach.api.get(path)).status).toBe(404);
    expect(
      (await coach.api.post('/v1/invites', { clientId: theirs.id, ...slot(11) })).body.code,
    ).toBe('client_not_found');
    await page.context().close();
  });
});

/** The last Sunday of March, when Europe's clocks spring forward. */
function lastSundayOfMarch(year: number): string {
  const day = new Date(Date.UTC(year, 2, 31));
  day.setUTCDate(31 - day.getUTCDay());
  return day.toISOString().slice(0, 10);
}
