import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachmentsOf } from '../support/fake-resend.js';
import { eventually, startHarness, type Harness } from '../support/harness.js';
import { parseCalendar } from '../support/ical.js';
import { slot, workflowResult } from '../support/invites.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

/** A coach and their client (assigned by the back office), with credits. */
async function pair(credits: number) {
  const coach = await h.createUser('coach', { name: 'Dana Coach' });
  const client = await h.createUser('client', { name: 'Casey Client', credits });
  await h.operator.put(`/v1/coaches/${coach.id}/clients/${client.id}`, {});
  return { coach, client };
}

/** The one calendar file of the email sent under `template` to `to` about `subject`. */
async function eventIn(to: string, template: string, subject: string) {
  const email = await eventually(async () =>
    h.resend.deliveredTo(to).find((e) => e.idempotencyKey?.startsWith(`${template}:${subject}`)),
  );
  const files = attachmentsOf(email);
  expect(files).toHaveLength(1);
  expect(files[0]!.filename).toMatch(/\.ics$/);
  const calendar = parseCalendar(files[0]!.text);
  expect(calendar.events).toHaveLength(1);
  return {
    method: calendar.method,
    event: calendar.events[0]!,
    contentType: files[0]!.contentType,
  };
}

describe('the session’s calendar event in email', () => {
  it('is invited on acceptance, moved by a reschedule and withdrawn by a cancellation, as one event', async () => {
    const { coach, client } = await pair(2);
    const first = slot(5, 3);
    const invite = (await coach.api.post('/v1/invites', { clientId: client.id, ...first })).body;
    const session = (await client.api.post(`/v1/invites/${invite.id}/accept`, {})).body.session;
    await workflowResult(h, invite.id);

    const uid = `session-${session.id}@coach-invites`;
    const people = {
      uid,
      utc: true,
      organizer: `mailto:${coach.email}`,
      attendees: [`mailto:${client.email}`],
      url: `https://app.example.com/sessions/${session.id}`,
    };
    for (const to of [client.email, coach.email]) {
      const booked = await eventIn(to, 'invite_accepted', invite.id);
      expect(booked.method).toBe('REQUEST');
      expect(booked.contentType).toContain('method=REQUEST');
      expect(booked.event).toMatchObject({
        ...people,
        sequence: 0,
        status: 'CONFIRMED',
        start: first.startsAt,
        end: first.endsAt,
      });
    }

    const second = slot(6, 4);
    const proposal = (await coach.api.post(`/v1/sessions/${session.id}/reschedule`, second)).body;
    // A pending proposal changes nobody's calendar.
    const proposed = await eventually(async () =>
      h.resend
        .deliveredTo(client.email)
        .find((e) => e.idempotencyKey?.startsWith(`invite_sent:${proposal.id}`)),
    );
    expect(attachmentsOf(proposed)).toEqual([]);
    await client.api.post(`/v1/invites/${proposal.id}/accept`, {});
    await workflowResult(h, proposal.id);
    for (const to of [client.email, coach.email]) {
      const moved = await eventIn(to, 'invite_accepted', proposal.id);
      expect(moved.method).toBe('REQUEST');
      expect(moved.event).toMatchObject({
        ...people,
        sequence: 1,
        status: 'CONFIRMED',
        start: second.startsAt,
        end: second.endsAt,
      });
    }

    await client.api.post(`/v1/sessions/${session.id}/cancel`, {});
    for (const to of [client.email, coach.email]) {
      const cancelled = await eventIn(to, 'session_cancelled', session.id);
      expect(cancelled.method).toBe('CANCEL');
      expect(cancelled.contentType).toContain('method=CANCEL');
      expect(cancelled.event).toMatchObject({
        ...people,
        sequence: 2,
        status: 'CANCELLED',
        start: second.startsAt,
        end: second.endsAt,
      });
    }
  });

  it('is sent again exactly as first stored when an email is retried', async () => {
    const { coach, client } = await pair(1);
    const invite = (await coach.api.post('/v1/invites', { clientId: client.id, ...slot(5, 8) }))
      .body;
    await eventually(async () => h.resend.deliveredTo(client.email).length > 0);
    // Resend fails the next email (an acceptance email) once; its retry carries the same file.
    h.resend.failNext(503);
    await client.api.post(`/v1/invites/${invite.id}/accept`, {});
    await workflowResult(h, invite.id);
    const tries = new Map<string, string[]>();
    for (const e of h.resend.received)
      if (e.idempotencyKey?.startsWith(`invite_accepted:${invite.id}:`))
        tries.set(e.idempotencyKey, [
          ...(tries.get(e.idempotencyKey) ?? []),
          JSON.stringify(e.body.attachments),
        ]);
    const retried = [...tries.values()].filter((bodies) => bodies.length > 1);
    expect(retried).toHaveLength(1);
    expect(new Set(retried[0]).size).toBe(1);
    expect(retried[0]![0]).toContain('session.ics');
  });
});
