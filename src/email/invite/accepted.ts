import { renderMessage, type RenderedMessage } from '../layout.js';
import type { TemplateContext } from './context.js';

/** To the client: the session is booked (on to the questionnaire), or moved. */
export function inviteAcceptedToClient(t: TemplateContext): RenderedMessage {
  const coach = t.coach.name;
  if (t.reschedule) {
    return renderMessage(
      `Your session has moved to ${t.slot}`,
      {
        greeting: t.greeting,
        paragraphs: [
          `Your session with ${coach} has moved from ${t.original} to ${t.slot}. No credits changed.`,
        ],
        button: { label: 'View session', target: t.sessionTarget },
      },
      {
        title: 'Session moved',
        body: `Your session now takes place ${t.slot}.`,
        link: t.sessionUrl,
      },
    );
  }
  return renderMessage(
    `Your session with ${coach} is booked: ${t.slot}`,
    {
      greeting: t.greeting,
      paragraphs: [
        `Your session with ${coach} on ${t.slot} is confirmed.`,
        'Please fill in the short pre-session questionnaire so your coach can prepare.',
        'Cancelling early enough before the start refunds your credits; see the cancellation policy.',
      ],
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
      greeting: t.greeting,
      paragraphs: [
        t.reschedule
          ? `${client} accepted moving the session from ${t.original} to ${t.slot}.`
          : `${client} accepted your invite. The session on ${t.slot} is booked.`,
      ],
      button: { label: 'View session', target: t.sessionTarget },
    },
    {
      title: t.reschedule ? 'Session moved' : 'Invite accepted',
      body: `${client} accepted: ${t.slot}.`,
      link: t.sessionUrl,
    },
  );
}
