import { renderMessage, type RenderedMessage } from '../layout.js';
import type { TemplateContext } from './context.js';

/** To the client: the coach withdrew the invite or the proposed new time. */
export function inviteCancelled(t: TemplateContext): RenderedMessage {
  const coach = t.coach.name;
  const what = t.reschedule ? 'proposed new time' : 'invite';
  return renderMessage(
    `${coach} withdrew the ${what} for ${t.slot}`,
    {
      headline: `${coach} withdrew the ${what}`,
      greeting: t.greeting,
      paragraphs: [
        t.reschedule
          ? `${coach} withdrew the proposal to move your session to ${t.slot}. It stays at ${t.original}.`
          : `${coach} withdrew the invite for ${t.slot}. Nothing was charged, and there is nothing you need to do.`,
      ],
      facts: [
        {
          label: t.reschedule ? 'Your session stays at' : 'Was',
          value: t.reschedule ? (t.original ?? '') : t.slot,
        },
      ],
    },
    {
      title: 'Invite withdrawn',
      body: `${coach} withdrew the ${what} for ${t.slot}.`,
      link: t.inviteUrl,
    },
  );
}
