import { describe, expect, it } from 'vitest';
import type { LinkTarget } from '../../src/auth/sign-in-tokens.js';
import type { InviteEvent, Recipient } from '../../src/domain/events.js';
import { renderInviteMessage } from '../../src/email/invite-messages.js';
import { renderEmail, type RenderedMessage } from '../../src/email/layout.js';
import { renderSessionMessage } from '../../src/email/session-messages.js';

const HOUR = 3_600_000;
const coach = {
  id: 'c0',
  name: 'Dana Coach',
  email: 'dana@example.com',
  timezone: 'Europe/Berlin',
};
const client = {
  id: 'c1',
  name: 'Casey',
  email: 'casey@example.com',
  timezone: 'America/New_York',
};
const startsAt = new Date('2026-12-10T15:00:00.000Z');
const endsAt = new Date(startsAt.getTime() + HOUR);
const expiresAt = new Date('2026-12-05T15:00:00.000Z');
const invite = {
  id: 'i1',
  kind: 'new' as const,
  startsAt,
  endsAt,
  expiresAt,
  creditCost: 1,
  message: null,
  declineReason: null,
  sessionId: 's1',
};

/** The email as sent, with each button's target recorded instead of signed. */
async function sent(message: RenderedMessage) {
  const targets: LinkTarget[] = [];
  const email = await renderEmail(message, {
    signIn: async (target) => {
      targets.push(target);
      return `https://app.example.com/auth/link?token=T&next=${target.path}`;
    },
    booking: (coachId) => `https://book.example/${coachId}`,
  });
  return { ...email, targets };
}

const inviteEmail = (event: InviteEvent, recipient: Recipient, rebook = false) =>
  sent(
    renderInviteMessage({
      event,
      recipient,
      appUrl: 'https://app.example.com',
      coach,
      client,
      invite,
      originalSlot: null,
      rebook,
    }),
  );

describe('every email’s button', () => {
  it.each([
    ['invite_sent', 'client', 'Accept or Decline', '/invites/i1', expiresAt],
    ['invite_reminder', 'client', 'Accept or Decline', '/invites/i1', expiresAt],
    [
      'invite_accepted',
      'client',
      'Fill in the questionnaire',
      '/sessions/s1/questionnaire',
      startsAt,
    ],
    ['invite_accepted', 'coach', 'View session', '/sessions/s1', endsAt],
  ] as const)(
    '%s to the %s: "%s" signs in on %s until its target ends',
    async (event, to, label, path, until) => {
      const email = await inviteEmail(event, to);
      expect(email.targets).toEqual([{ path, until }]);
      expect(email.text).toContain(
        `${label}: https://app.example.com/auth/link?token=T&next=${path}`,
      );
      // react-email's button: a link to the same address, with the label inside.
      expect(email.html).toMatch(
        new RegExp(`<a class="button" href="[^"]*next=${path}"[^>]*>(?:(?!</a>).)*>${label}<`),
      );
    },
  );

  it('of a decline with rebook goes to the booking page, without a token', async () => {
    const email = await inviteEmail('invite_declined', 'client', true);
    expect(email.targets).toEqual([]);
    expect(email.text).toContain('Book a new time: https://book.example/c0');
  });

  it.each([
    ['questionnaire_reminder', 'Fill in the questionnaire', '/sessions/s1/questionnaire', startsAt],
    ['session_cancelled', 'View session', '/sessions/s1', endsAt],
  ] as const)('%s: "%s" signs in on %s', async (event, label, path, until) => {
    const email = await sent(
      renderSessionMessage({
        event,
        recipient: 'client',
        appUrl: 'https://app.example.com',
        coach,
        client,
        session: {
          id: 's1',
          startsAt,
          endsAt,
          creditCost: 1,
          cancelledBy: 'coach',
          cancelReason: null,
          refundedCredits: 1,
        },
      }),
    );
    expect(email.targets).toEqual([{ path, until }]);
    expect(email.text).toContain(`${label}: https://app.example.com/auth/link`);
  });

  it('leaves notification links plain app URLs', async () => {
    const message = renderInviteMessage({
      event: 'invite_sent',
      recipient: 'client',
      appUrl: 'https://app.example.com',
      coach,
      client,
      invite,
      originalSlot: null,
      rebook: false,
    });
    expect(message.notification.link).toBe('https://app.example.com/invites/i1');
  });
});
