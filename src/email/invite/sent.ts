import { formatInZone } from '../../domain/time-format.js';
import { renderMessage, type RenderedMessage } from '../layout.js';
import type { TemplateContext } from './context.js';

/** To the client: a new invite, or a proposed new time for their session. */
export function inviteSent(t: TemplateContext): RenderedMessage {
  const coach = t.coach.name;
  const what = t.reschedule ? 'new time for your session' : 'coaching session';
  return renderMessage(
    t.reschedule
      ? `${coach} proposes a new time: ${t.slot}`
      : `${coach} invited you to a session on ${t.slot}`,
    {
      greeting: t.greeting,
      paragraphs: [
        t.reschedule
          ? `${coach} would like to move your session from ${t.original} to ${t.slot}.`
          : `${coach} invited you to a coaching session on ${t.slot}.`,
        ...(t.invite.message ? [`${coach} wrote: "${t.invite.message}"`] : []),
        `Please answer by ${formatInZone(t.invite.expiresAt, t.zone)}.`,
      ],
      button: { label: 'Accept or Decline', target: t.inviteTarget },
    },
    { title: 'Invite waiting', body: `${coach} sent you a ${what}: ${t.slot}.`, link: t.inviteUrl },
  );
}
