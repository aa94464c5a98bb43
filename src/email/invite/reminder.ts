import { formatInZone } from '../../domain/time-format.js';
import { renderMessage, type RenderedMessage } from '../layout.js';
import type { TemplateContext } from './context.js';

/** To the client, once, while the invite still waits for their answer. */
export function inviteReminder(t: TemplateContext): RenderedMessage {
  const coach = t.coach.name;
  return renderMessage(
    `Reminder: ${coach}'s invite for ${t.slot} is waiting`,
    {
      greeting: t.greeting,
      paragraphs: [
        `${coach}'s invite for ${t.slot} is still waiting for your answer.`,
        `It expires on ${formatInZone(t.invite.expiresAt, t.zone)}.`,
      ],
      button: { label: 'Accept or Decline', target: t.inviteTarget },
    },
    {
      title: 'Invite waiting',
      body: `Reminder: answer ${coach}'s invite for ${t.slot}.`,
      link: t.inviteUrl,
    },
  );
}
