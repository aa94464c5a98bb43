import { renderMessage, type RenderedMessage } from '../layout.js';
import type { TemplateContext } from './context.js';

/** To the client: the coach withdrew the invite or the proposed new time. */
export function inviteCancelled(t: TemplateContext): RenderedMessage {
  const coach = t.coach.name;
  return renderMessage(
    `${coach} withdrew the invite for ${t.slot}`,
    {
      greeting: t.greeting,
      paragraphs: [
        t.reschedule
          ? `${coach} withdrew the proposal to move your session to ${t.slot}. It stays at ${t.original}.`
          : `${coach} withdrew the invite for ${t.slot}. Nothing was charged.`,
      ],
    },
    {
      title: 'Invite withdrawn',
      body: `${coach} withdrew the invite for ${t.slot}.`,
      link: t.inviteUrl,
    },
  );
}
