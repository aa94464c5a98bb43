import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { slot } from '../../support/invites.js';
import { buttonLink } from './emails.js';
import { freshPage } from './pages.js';
import type { Person, Service } from './service.js';

/**
 * The coach sends an invite through the API, as the platform's coaching tools do, to a client the
 * back office made theirs (a coach invites only their own clients).
 */
export async function sendInvite(
  service: Service,
  coach: Person,
  client: Person,
  when: { startsAt: string; endsAt: string } = slot(3),
  message?: string,
) {
  await service.assignClient(coach.id, client.id);
  const sent = await coach.api.post('/v1/invites', {
    clientId: client.id,
    ...when,
    ...(message ? { message } : {}),
  });
  expect(sent.status, JSON.stringify(sent.body)).toBe(201);
  return sent.body as { id: string; startsAt: string; endsAt: string; coachId: string };
}

/** The client's ledger as the API tells it. */
export async function ledgerOf(client: Person) {
  const credits = await client.api.get('/v1/credits');
  expect(credits.status).toBe(200);
  return credits.body as {
    balance: number;
    ledger: { delta: number; inviteId: string | null; sessionId: string | null }[];
  };
}

/** Opens the invite email's button in a fresh browser: the client lands on the invite, signed in. */
export async function openInviteEmail(
  service: Service,
  browser: Browser,
  client: Person,
  inviteId: string,
): Promise<Page> {
  const link = await buttonLink(service.resend, client.email, 'Accept or Decline', inviteId);
  const page = await freshPage(browser);
  await page.goto(link);
  await page.waitForURL(`${service.baseUrl}/invites/${inviteId}`);
  await page.getByRole('article').waitFor();
  return page;
}

/** A client's accepted invite, through the API: the session it booked. */
export async function bookedSession(
  service: Service,
  coach: Person,
  client: Person,
  when = slot(3),
) {
  const invite = await sendInvite(service, coach, client, when);
  const accepted = await client.api.post(`/v1/invites/${invite.id}/accept`, {});
  expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
  return accepted.body.session as { id: string; startsAt: string; endsAt: string };
}
