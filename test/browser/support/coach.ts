import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { instantToZoned, zonedToInstant } from '../../../src/web/lib/zoned-time.js';
import { buttonLink } from './emails.js';
import { freshPage } from './pages.js';
import type { Person, Service } from './service.js';

/** Signs a person in as they would: the sign-in page, the emailed link, back to the app. */
export async function signInFromLink(
  service: Service,
  browser: Browser,
  person: Person,
): Promise<Page> {
  const page = await freshPage(browser);
  await page.goto(`${service.baseUrl}/signin`);
  await page.getByLabel('Email').fill(person.email);
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await page.getByRole('heading', { name: 'Check your inbox' }).waitFor();
  await page.goto(await buttonLink(service.resend, person.email, 'Sign in'));
  await page.locator('.person-name', { hasText: person.name }).waitFor();
  return page;
}

/** A day `daysAhead` from now on the zone's calendar, as the date field takes it. */
export const dayAhead = (daysAhead: number, zone: string) =>
  instantToZoned(new Date(Date.now() + daysAhead * 86_400_000).toISOString(), zone).date;

/** The instant a date and time on the zone's clocks name (they must exist there). */
export function instantOf(date: string, time: string, zone: string): string {
  const result = zonedToInstant(date, time, zone);
  if (!result.ok) throw new Error(`${date} ${time} does not exist in ${zone}`);
  return result.instant.toISOString();
}

/** Fills the slot fields of the form on the page (the invite's or the new time's). */
export async function fillSlot(
  page: Page,
  slot: { date: string; time: string; duration?: string; message?: string },
) {
  await page.getByLabel('Date', { exact: true }).fill(slot.date);
  await page.getByLabel('Start time').fill(slot.time);
  if (slot.duration) await page.getByLabel('Duration').selectOption({ label: slot.duration });
  if (slot.message !== undefined) await page.getByLabel(/^Message/).fill(slot.message);
}

/** The coach's invites through the API. */
export async function invitesOf(coach: Person, status = 'pending') {
  const listed = await coach.api.get(`/v1/invites?status=${status}`);
  expect(listed.status).toBe(200);
  return listed.body.items as {
    id: string;
    kind: string;
    clientId: string;
    startsAt: string;
    endsAt: string;
    sessionId: string | null;
    message: string | null;
  }[];
}
