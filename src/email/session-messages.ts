import { formatInZone, formatSlotInZone } from '../domain/time-format.js';
import type { Recipient, SessionEvent } from '../domain/events.js';
import type { Party, Person } from '../domain/model.js';
import { renderMessage, type RenderedMessage } from './layout.js';

export interface SessionMessageContext {
  event: SessionEvent;
  recipient: Recipient;
  appUrl: string;
  coach: Person;
  client: Person;
  session: {
    id: string;
    startsAt: Date;
    endsAt: Date;
    cancelledBy: Party | null;
    cancelReason: string | null;
    refundedCredits: number | null;
  };
}

/** Emails and notifications about a booked session, in the recipient's own zone. */
export function renderSessionMessage(ctx: SessionMessageContext): RenderedMessage {
  const person = ctx.recipient === 'client' ? ctx.client : ctx.coach;
  const slot = formatSlotInZone(ctx.session.startsAt, ctx.session.endsAt, person.timezone);
  const sessionUrl = `${ctx.appUrl}/sessions/${ctx.session.id}`;
  const greeting = `Hi ${person.name},`;

  if (ctx.event === 'questionnaire_reminder') {
    const url = `${sessionUrl}/questionnaire`;
    return renderMessage(
      `Reminder: your questionnaire for the session on ${slot}`,
      {
        greeting,
        paragraphs: [
          `Your session with ${ctx.coach.name} starts ${formatInZone(ctx.session.startsAt, person.timezone)}.`,
          'Please fill in the short pre-session questionnaire so your coach can prepare.',
        ],
        // The questionnaire is answered before the session starts.
        button: {
          label: 'Fill in the questionnaire',
          target: {
            path: `/sessions/${ctx.session.id}/questionnaire`,
            until: ctx.session.startsAt,
          },
        },
      },
      {
        title: 'Questionnaire waiting',
        body: `Fill in your questionnaire before ${slot}.`,
        link: url,
      },
    );
  }

  const byName = ctx.session.cancelledBy === 'client' ? ctx.client.name : ctx.coach.name;
  const refund =
    ctx.recipient === 'client'
      ? ctx.session.refundedCredits
        ? `${ctx.session.refundedCredits} credit${ctx.session.refundedCredits === 1 ? '' : 's'} went back to your balance.`
        : 'It was cancelled too close to the start for a refund, under the cancellation policy.'
      : null;
  return renderMessage(
    `${byName} cancelled the session on ${slot}`,
    {
      greeting,
      paragraphs: [
        `${byName} cancelled the session on ${slot}. The time is free again.`,
        ...(ctx.session.cancelReason ? [`Their reason: "${ctx.session.cancelReason}"`] : []),
        ...(refund ? [refund] : []),
      ],
      button: {
        label: 'View session',
        target: { path: `/sessions/${ctx.session.id}`, until: ctx.session.endsAt },
      },
    },
    {
      title: 'Session cancelled',
      body: `${byName} cancelled the session on ${slot}.`,
      link: sessionUrl,
    },
  );
}
