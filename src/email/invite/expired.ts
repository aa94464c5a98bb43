import { renderMessage, type RenderedMessage } from '../layout.js';
import type { TemplateContext } from './context.js';

/** To both: nobody answered in time; the slot is free again (a reschedule keeps the old time). */
export function inviteExpired(t: TemplateContext): RenderedMessage {
  const toClient = t.recipient === 'client';
  const other = toClient ? `from ${t.coach.name}` : `to ${t.client.name}`;
  return renderMessage(
    `The invite for ${t.slot} has expired`,
    {
      greeting: t.greeting,
      paragraphs: [
        t.reschedule
          ? `The proposed new time ${t.slot} was not answered in time. The session stays at ${t.original}.`
          : `The invite ${other} for ${t.slot} was not answered in time and has expired. The slot is free again.`,
        ...(toClient && !t.reschedule ? [`Contact ${t.coach.name} to find another time.`] : []),
      ],
    },
    { title: 'Invite expired', body: `The invite for ${t.slot} expired.`, link: t.inviteUrl },
  );
}
