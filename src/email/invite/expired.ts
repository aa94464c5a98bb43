import { renderMessage, type RenderedMessage } from '../layout.js';
import type { TemplateContext } from './context.js';

/** To both: nobody answered in time; the slot is free again (a reschedule keeps the old time). */
export function inviteExpired(t: TemplateContext): RenderedMessage {
  const toClient = t.recipient === 'client';
  const other = toClient ? `from ${t.coach.name}` : `to ${t.client.name}`;
  const what = t.reschedule ? 'proposed new time' : 'invite';
  return renderMessage(
    `The ${what} for ${t.slot} has expired`,
    {
      headline: `The ${what} has expired`,
      greeting: t.greeting,
      paragraphs: [
        t.reschedule
          ? `The proposed new time ${t.slot} was not answered in time. The session stays at ${t.original}.`
          : `The invite ${other} for ${t.slot} was not answered in time and has expired. The slot is free again.`,
        ...(toClient && !t.reschedule
          ? [`Nothing was charged. Contact ${t.coach.name} to find another time.`]
          : []),
      ],
      facts: t.reschedule
        ? [{ label: 'The session stays at', value: t.original ?? '' }]
        : [{ label: 'Was', value: t.slot }],
    },
    { title: 'Invite expired', body: `The ${what} for ${t.slot} expired.`, link: t.inviteUrl },
  );
}
