import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/harness.js';
import { parseCalendar } from '../support/ical.js';
import { slot } from '../support/invites.js';
import { launchChromium } from './support/chromium.js';
import { buttonLink } from './support/emails.js';
import { checkPage, freshPage } from './support/pages.js';
import { bookedSession, ledgerOf, openInviteEmail, sendInvite } from './support/people.js';
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

/** Signs in by the booked email's button (on to the questionnaire), then opens the session. */
async function openSession(sessionId: string, email: string) {
  const link = await buttonLink(service.resend, email, 'Fill in the questionnaire', sessionId);
  const page = await freshPage(browser);
  await page.goto(link);
  await page.waitForURL(`${service.baseUrl}/sessions/${sessionId}/questionnaire`);
  await page.goto(`${service.baseUrl}/sessions/${sessionId}`);
  await page.getByRole('heading', { name: /^Session with / }).waitFor();
  return page;
}

describe('notifications', () => {
  it('shows the invite waiting; "View" opens it and marks the notification read', async () => {
    const coach = await service.createUser('coach', { name: 'Maria Jensen' });
    const client = await service.createUser('client', { name: 'Alex Morgan', credits: 3 });
    const first = await sendInvite(service, coach, client, slot(4));
    const page = await openInviteEmail(service, browser, client, first.id);
    const second = await sendInvite(
      service,
      coach,
      client,
      slot(4, 3),
      'One more, if it suits you.',
    );
    const unread = async () => (await client.api.get('/v1/notifications')).body.unreadCount;
    // Notifications are written by the invites' workflows, soon after sending.
    await eventually(async () => (await unread()) === 2);

    await page.reload();
    await page.getByRole('button', { name: /Notifications\s*2 unread/ }).click();
    await page.getByRole('heading', { name: 'Notifications' }).waitFor();
    await page.getByText('Invite waiting').nth(1).waitFor();
    expect(await page.getByText('Invite waiting').count()).toBe(2);
    await checkPage(page, 'notifications');
    await page.getByRole('link', { name: 'View' }).first().click();

    await page.waitForURL(`${service.baseUrl}/invites/${second.id}`);
    await page.getByText('One more, if it suits you.').waitFor();
    expect(await unread()).toBe(1);
    await page.getByRole('button', { name: /Notifications\s*1 unread/ }).waitFor();
    await page.context().close();
  });
});

describe('the questionnaire', () => {
  it('"Skip for now" confirms the session and says reminders come by email', async () => {
    const coach = await service.createUser('coach', { name: 'Maria Jensen' });
    const client = await service.createUser('client', { credits: 1 });
    const invite = await sendInvite(service, coach, client, slot(4));
    const page = await openInviteEmail(service, browser, client, invite.id);

    await page.getByRole('button', { name: 'Accept' }).click();
    await page.getByRole('heading', { name: 'Pre-session questionnaire' }).waitFor();
    // A required answer of blanks passes the browser's check but not the service's: its sentence
    // shows beside that question.
    const sessionPath = new URL(page.url()).pathname.split('/');
    const { body } = await client.api.get(`/v1/sessions/${sessionPath[2]}/questionnaire`);
    const required = body.questions.find((question: any) => question.required);
    const field = page.getByLabel(required.label);
    await field.fill('   ');
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.locator(`#q-${required.id}-error`).waitFor();
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    await checkPage(page, 'questionnaire-problem');
    await page.getByRole('button', { name: 'Skip for now' }).click();
    await page.getByRole('heading', { name: 'Session confirmed' }).waitFor();
    await page.getByText('We will remind you by email').waitFor();
    await checkPage(page, 'confirmed-skipped');
    const sessionId = page.url().split('/').at(-2)!;
    const questionnaire = await client.api.get(`/v1/sessions/${sessionId}/questionnaire`);
    expect(questionnaire.body.status).toBe('pending');

    await page.getByRole('link', { name: 'View the session' }).click();
    await page.getByRole('link', { name: 'Fill in the questionnaire' }).click();
    await page.waitForURL(`${service.baseUrl}/sessions/${sessionId}/questionnaire`);
    await page.getByRole('heading', { name: 'Pre-session questionnaire' }).waitFor();
    await page.context().close();
  });
});

describe('cancelling a session', () => {
  it('says beforehand that the credit comes back, and gives it back', async () => {
    const coach = await service.createUser('coach', { name: 'Maria Jensen' });
    const client = await service.createUser('client', { name: 'Alex Morgan', credits: 2 });
    const session = await bookedSession(service, coach, client, slot(5));
    const page = await openSession(session.id, client.email);

    // "Add to calendar" downloads the session as the one event its emails carry.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Add to calendar' }).click(),
    ]);
    const file = parseCalendar(readFileSync((await download.path())!, 'utf8'));
    expect(file.events).toEqual([
      expect.objectContaining({
        uid: `session-${session.id}@coach-invites`,
        status: 'CONFIRMED',
        start: session.startsAt,
        end: session.endsAt,
        utc: true,
        attendees: [`mailto:${client.email}`],
      }),
    ]);

    await page.getByRole('button', { name: 'Cancel session' }).click();
    await page.getByText('If you cancel now, 1 credit will come back to your balance.').waitFor();
    await checkPage(page, 'session-cancel-refund');
    expect((await ledgerOf(client)).balance).toBe(1);
    await page.getByRole('button', { name: 'Confirm cancellation' }).click();
    await page.getByText('Session cancelled. 1 credit went back to your balance.').waitFor();
    await page.getByRole('term').filter({ hasText: 'Cancelled' }).waitFor();
    await page.getByText('By you on').waitFor();
    expect(await page.getByRole('button', { name: 'Cancel session' }).count()).toBe(0);
    await checkPage(page, 'session-cancelled');
    expect((await ledgerOf(client)).balance).toBe(2);
    await page.context().close();
  });

  it('says beforehand that a late cancellation refunds nothing, and refunds nothing', async () => {
    const coach = await service.createUser('coach');
    const client = await service.createUser('client', { credits: 1 });
    // Within the 24-hour cancellation window.
    const session = await bookedSession(service, coach, client, slot(0, 3));
    const page = await openSession(session.id, client.email);

    await page.getByRole('button', { name: 'Cancel session' }).click();
    await page.getByText('If you cancel now, you will not get your 1 credit back.').waitFor();
    await checkPage(page, 'session-cancel-no-refund');
    await page.getByRole('button', { name: 'Confirm cancellation' }).click();
    await page.getByText('Session cancelled. No credits came back.').waitFor();
    const { balance, ledger } = await ledgerOf(client);
    expect(balance).toBe(0);
    expect(ledger.filter((entry) => entry.delta > 0 && entry.sessionId)).toHaveLength(0);
    await page.context().close();
  });
});
