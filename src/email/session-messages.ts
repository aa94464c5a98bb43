import { formatInZone, formatSlotInZone } from '../domain/time-format.js';
import type { Recipient, SessionEvent } from '../domain/events.js';
import type { Party, Person } from '../domain/model.js';
import { renderMessage, type RenderedMessage } from './layout.js';
import { sessionCancelled } from './session-cancelled.js';

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
    /** What the session cost; 0 for a free one, which no email speaks of in credits. */
    creditCost: number;
    cancelledBy: Party | null;
    cancelReason: string | null;
    refundedCredits: number | null;
  };
}

/** Emails and notifications about a booked session, in the recipient's own zone. */
export function renderSessionMessage(ctx: SessionMessageContext): RenderedMessage {
  if (ctx.event === 'session_cancelled') return sessionCancelled(ctx);
  const person = ctx.recipient === 'client' ? ctx.client : ctx.coach;
  const slot = formatSlotInZone(ctx.session.startsAt, ctx.session.endsAt, person.timezone);
  const path = `/sessions/${ctx.session.id}/questionnaire`;
  return renderMessage(
    `Reminder: your questionnaire for the session on ${slot}`,
    {
      headline: 'Your pre-session questionnaire is waiting',
      greeting: `Hi ${person.name},`,
      paragraphs: [
        `Your session with ${ctx.coach.name} starts ${formatInZone(ctx.session.startsAt, person.timezone)}.`,
        'Please fill in the short pre-session questionnaire so your coach can prepare.',
      ],
      facts: [{ label: 'When', value: slot }],
      // The questionnaire is answered before the session starts.
      button: {
        label: 'Fill in the questionnaire',
        target: { path, until: ctx.session.startsAt },
      },
    },
    {
      title: 'Questionnaire waiting',
      body: `Fill in your questionnaire before ${slot}.`,
      link: `${ctx.appUrl}${path}`,
    },
  );
}
