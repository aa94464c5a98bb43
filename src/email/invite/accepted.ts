import { renderMessage, type MessageFact, type RenderedMessage } from '../layout.js';
import type { TemplateContext } from './context.js';

const CALENDAR_NOTE = 'The attached calendar event puts it in your calendar.';
const MOVED_NOTE = 'The attached calendar event moves it in your calendar.';

/** The slot, and for a reschedule the time it replaced. */
const slotFacts = (t: TemplateContext): MessageFact[] =>
  t.reschedule
    ? [
        { label: 'New time', value: t.slot },
        { label: 'Was', value: t.original ?? '' },
      ]
    : [{ label: 'When', value: t.slot }];

/** To the client: the session is booked (on to the questionnaire), or moved. */
export function inviteAcceptedToClient(t: TemplateContext): RenderedMessage {
  const coach = t.coach.name;
  if (t.reschedule) {
    return renderMessage(
      `Your session has moved to ${t.slot}`,
      {
        headline: 'Your session has moved',
        greeting: t.greeting,
        paragraphs: [
          `Your session with ${coach} has moved from ${t.original} to ${t.slot}. No credits changed.`,
          MOVED_NOTE,
        ],
        facts: slotFacts(t),
        button: { label: 'View session', target: t.sessionTarget },
      },
      {
        title: 'Session moved',
        body: `Your session with ${coach} now takes place ${t.slot}.`,
        link: t.sessionUrl,
      },
    );
  }
  const credits =
    t.credits === 0
      ? []
      : [
          `${t.creditText} ${t.credits === 1 ? 'was' : 'were'} taken from your balance. Cancelling early enough before the start gives ${t.credits === 1 ? 'it' : 'them'} back; see the cancellation policy.`,
        ];
  return renderMessage(
    `Your session with ${coach} is booked: ${t.slot}`,
    {
      headline: 'Your session is booked',
      greeting: t.greeting,
      paragraphs: [
        `Your session with ${coach} on ${t.slot} is confirmed. ${CALENDAR_NOTE}`,
        'Please fill in the short pre-session questionnaire so your coach can prepare.',
        ...credits,
      ],
      facts: slotFacts(t),
      button: { label: 'Fill in the questionnaire', target: t.questionnaireTarget },
    },
    {
      title: 'Session booked',
      body: `Your session with ${coach} is booked for ${t.slot}.`,
      link: t.questionnaireUrl,
    },
  );
}

/** To the coach: the client accepted the invite or the new time. */
export function inviteAcceptedToCoach(t: TemplateContext): RenderedMessage {
  const client = t.client.name;
  return renderMessage(
    t.reschedule
      ? `${client} accepted the new time: ${t.slot}`
      : `${client} accepted your invite for ${t.slot}`,
    {
      headline: t.reschedule ? `${client} accepted the new time` : `${client} accepted your invite`,
      greeting: t.greeting,
      paragraphs: [
        t.reschedule
          ? `${client} accepted moving the session from ${t.original} to ${t.slot}.`
          : `${client} accepted your invite. The session on ${t.slot} is booked.`,
        t.reschedule ? MOVED_NOTE : CALENDAR_NOTE,
      ],
      facts: slotFacts(t),
      button: { label: 'View session', target: t.sessionTarget },
    },
    {
      title: t.reschedule ? 'Session moved' : 'Invite accepted',
      body: t.reschedule
        ? `${client} accepted the new time: ${t.slot}.`
        : `${client} accepted: ${t.slot}.`,
      link: t.sessionUrl,
    },
  );
}
