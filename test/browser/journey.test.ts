import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slot } from '../support/invites.js';
import { launchChromium } from './support/chromium.js';
import { buttonLink } from './support/emails.js';
import { checkPage, countRequests, freshPage } from './support/pages.js';
import { bookedSession, ledgerOf, sendInvite } from './support/people.js';
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

describe('the help article, step by step', () => {
  it('goes from the email’s button to the confirmation, charging exactly once', async () => {
    const coach = await service.createUser('coach', { name: 'Maria Jensen' });
    const client = await service.createUser('client', { name: 'Alex Morgan', credits: 5 });
    const message = 'Let’s pick up where we left off: your plan for the next quarter.';
    const invite = await sendInvite(service, coach, client, slot(3), message);

    // The email's "Accept or Decline" button, opened in a browser that never saw the app.
    const link = await buttonLink(service.resend, client.email, 'Accept or Decline', invite.id);
    const page = await freshPage(browser);
    await page.goto(link);
    await page.waitForURL(`${service.baseUrl}/invites/${invite.id}`);
    expect(page.url()).not.toContain('token');
    await page.getByRole('heading', { name: `Session with ${coach.name}` }).waitFor();
    await page.getByText(message).waitFor();
    await page.getByText('1 credit · your balance: 5 credits').waitFor();
    // In the client's own zone (the browser is set to Tokyo), named.
    expect(await page.getByRole('article').textContent()).toContain('(America/New_York)');
    await page.getByRole('button', { name: 'Notifications' }).waitFor();
    await page.getByText(client.name).waitFor();
    await checkPage(page, 'invite');

    await page.getByRole('button', { name: 'More options' }).click();
    const contact = page.getByRole('link', { name: 'Contact coach' });
    expect(await contact.getAttribute('href')).toMatch(
      new RegExp(`^mailto:${coach.email}\\?subject=Our%20session%20on%20`),
    );
    await page.getByRole('button', { name: 'View coach' }).click();
    const dialog = page.getByRole('dialog', { name: coach.name });
    await dialog.getByText(coach.email).waitFor();
    await dialog.getByText('Europe/Berlin').waitFor();
    await checkPage(page, 'invite-view-coach');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'hidden' });
    // The same by keyboard alone: Enter opens the options, Tab reaches "View coach", Escape closes.
    await page.getByRole('button', { name: 'More options' }).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    // A double click on "Accept" sends one request.
    const accepts = countRequests(page, 'POST', /\/v1\/invites\/[^/]+\/accept$/);
    await page.getByRole('button', { name: 'Accept' }).dblclick();
    await page.waitForURL(/\/sessions\/[^/]+\/questionnaire$/);
    expect(accepts()).toBe(1);
    const sessionId = page.url().split('/').at(-2)!;

    await page.getByRole('heading', { name: 'Pre-session questionnaire' }).waitFor();
    const { body: questionnaire } = await client.api.get(`/v1/sessions/${sessionId}/questionnaire`);
    expect(questionnaire.questions.length).toBeGreaterThan(0);
    for (const question of questionnaire.questions) {
      if (question.kind === 'choice' || question.kind === 'scale') {
        const group = page.getByRole('group', { name: question.label });
        await group.getByRole('radio').last().check();
      } else {
        await page.getByLabel(question.label).fill(`My answer to: ${question.label}`);
      }
    }
    await checkPage(page, 'questionnaire');
    await page.getByRole('button', { name: 'Submit' }).click();

    await page.waitForURL(`${service.baseUrl}/sessions/${sessionId}/confirmed`);
    await page.getByRole('heading', { name: 'Session confirmed' }).waitFor();
    await page.getByText(`Your session with ${coach.name} is booked`).waitFor();
    await checkPage(page, 'confirmed');

    await page.getByRole('link', { name: 'All sessions' }).click();
    await page.getByRole('heading', { name: 'Sessions', exact: true }).waitFor();
    await page.getByRole('link', { name: `Session with ${coach.name}` }).click();
    await page.waitForURL(`${service.baseUrl}/sessions/${sessionId}`);
    await page.getByText(/^Sent /).waitFor();
    await page.getByRole('button', { name: 'Cancel session' }).waitFor();
    await checkPage(page, 'session');
    await page.goto(`${service.baseUrl}/sessions`);
    await page.getByRole('link', { name: `Session with ${coach.name}` }).waitFor();
    await checkPage(page, 'sessions');

    const { balance, ledger } = await ledgerOf(client);
    expect(ledger.filter((entry) => entry.delta < 0)).toHaveLength(1);
    expect(ledger.find((entry) => entry.delta < 0)).toMatchObject({ delta: -1, sessionId });
    expect(balance).toBe(4);
    const answered = await client.api.get(`/v1/sessions/${sessionId}/questionnaire`);
    expect(answered.body.status).toBe('submitted');
    await page.context().close();
  });

  it('a second client’s link opens nothing of the first’s', async () => {
    const coach = await service.createUser('coach');
    const first = await service.createUser('client', { name: 'Robin Diaz', credits: 1 });
    const second = await service.createUser('client', { name: 'Sam Lee', credits: 1 });
    const firstInvite = await sendInvite(service, coach, first, slot(4));
    const secondInvite = await sendInvite(service, coach, second, slot(4, 2));

    const link = await buttonLink(
      service.resend,
      second.email,
      'Accept or Decline',
      secondInvite.id,
    );
    const page = await freshPage(browser);
    await page.goto(link);
    await page.getByRole('heading', { name: `Session with ${coach.name}` }).waitFor();
    await page.getByText(second.name).waitFor();
    expect(await page.getByText(first.name).count()).toBe(0);

    await page.goto(`${service.baseUrl}/invites/${firstInvite.id}`);
    await page.getByText('We could not find this').waitFor();
    expect(await page.getByRole('button', { name: 'Accept' }).count()).toBe(0);
    await page.goto(`${service.baseUrl}/invites`);
    await page.getByRole('article').first().waitFor();
    expect(await page.getByRole('article').count()).toBe(1);
    expect(await page.locator(`[href="/invites/${firstInvite.id}"]`).count()).toBe(0);
    await checkPage(page, 'invites');
    await page.goto(`${service.baseUrl}/invites/not-an-id`);
    await page.getByText('We could not find this').waitFor();
    await page.goto(`${service.baseUrl}/no-such-page`);
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    await checkPage(page, 'not-found');
    await page.context().close();
  });

  it('a page opened without a session goes to sign in, and back there once signed in by email', async () => {
    const client = await service.createUser('client');
    const page = await freshPage(browser);
    await page.goto(`${service.baseUrl}/sessions`);
    await page.waitForURL(`${service.baseUrl}/signin?next=%2Fsessions`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await checkPage(page, 'signin');

    await page.getByLabel('Email').fill(client.email);
    await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await page.getByRole('heading', { name: 'Check your inbox' }).waitFor();
    await checkPage(page, 'signin-sent');

    const link = await buttonLink(service.resend, client.email, 'Sign in');
    await page.goto(link);
    await page.waitForURL(`${service.baseUrl}/sessions`);
    await page.getByRole('heading', { name: 'Sessions', exact: true }).waitFor();
    await page.getByText('No upcoming sessions').waitFor();

    // A damaged link says so on the sign-in page, and keeps where it was going.
    const other = await freshPage(browser);
    await other.goto(`${service.baseUrl}/auth/link?token=damaged&next=%2Fsessions`);
    await other.getByText('That sign-in link is not valid.').waitFor();
    expect(new URL(other.url()).searchParams.get('next')).toBe('/sessions');
    await other.context().close();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/signin/);
    await page.goto(`${service.baseUrl}/invites`);
    await page.waitForURL(`${service.baseUrl}/signin?next=%2Finvites`);
    await page.context().close();
  });

  it('a coach following an email’s button lands signed in as the coach, on no client page', async () => {
    const coach = await service.createUser('coach', { name: 'Maria Jensen' });
    const client = await service.createUser('client', { name: 'Alex Morgan', credits: 1 });
    const session = await bookedSession(service, coach, client, slot(6));
    const link = await buttonLink(service.resend, coach.email, 'View session', session.id);
    const page = await freshPage(browser);
    await page.goto(link);
    await page.waitForURL(`${service.baseUrl}/sessions/${session.id}`);
    await page.locator('.person-name', { hasText: coach.name }).waitFor();
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.getByRole('link', { name: 'Fill in the questionnaire' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Accept' }).count()).toBe(0);
    await checkPage(page, 'coach-landing');
    await page.context().close();
  });

  it('too many sign-in requests for one address are refused in a sentence beside the form', async () => {
    const page = await freshPage(browser);
    await page.goto(`${service.baseUrl}/signin`);
    const email = 'nobody@example.com';
    let refused = false;
    // The service allows a few links per address in a window, then answers 429 rate_limited.
    for (let attempt = 0; attempt < 10 && !refused; attempt += 1) {
      await page.getByLabel('Email').fill(email);
      await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
      const answer = page
        .getByRole('heading', { name: 'Check your inbox' })
        .or(page.getByRole('alert'));
      await answer.waitFor();
      refused = await page.getByRole('alert').isVisible();
      if (!refused) await page.getByRole('button', { name: 'Use another address' }).click();
    }
    expect(refused).toBe(true);
    expect(await page.getByRole('alert').textContent()).toMatch(
      /^Too many requests just now\. Please try again in (a minute|\d+ minutes)\.$/,
    );
    await checkPage(page, 'signin-rate-limited');
    await page.context().close();
  });
});
