import { renderMessage, type RenderedMessage } from '../layout.js';
import type { TemplateContext } from './context.js';

/** To the client, once, while the invite still waits for their answer. */
export function inviteReminder(t: TemplateContext): RenderedMessage {
  const coach = t.coach.name;
  const what = t.reschedule ? 'proposed new time' : 'invite';
  return renderMessage(
    `Reminder: ${coach}'s ${what} for ${t.slot} is waiting`,
    {
      headline: `${coach}'s ${what} is waiting for your answer`,
      greeting: t.greeting,
      paragraphs: [
        `${coach}'s ${what} for ${t.slot} is still waiting for your answer.`,
        `It expires on ${t.answerBy}.`,
      ],
      facts: [
        { label: 'When', value: t.slot },
        { label: 'Answer by', value: t.answerBy },
      ],
      button: { label: 'Accept or Decline', target: t.inviteTarget },
    },
    {
      title: 'Invite waiting',
      body: `Reminder: answer ${coach}'s ${what} for ${t.slot}.`,
      link: t.inviteUrl,
    },
  );
}
