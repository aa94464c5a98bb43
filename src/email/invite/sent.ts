import { renderMessage, type RenderedMessage } from '../layout.js';
import type { TemplateContext } from './context.js';

/** To the client: a new invite, or a proposed new time for their session. */
export function inviteSent(t: TemplateContext): RenderedMessage {
  const coach = t.coach.name;
  const what = t.reschedule ? 'new time for your session' : 'coaching session';
  const cost = t.reschedule
    ? 'Declining keeps your session at its current time; either way no credits change.'
    : t.credits === 0
      ? 'This session is free: accepting uses no credits.'
      : `Accepting uses ${t.creditText} from your balance.`;
  return renderMessage(
    t.reschedule
      ? `${coach} proposes a new time: ${t.slot}`
      : `${coach} invited you to a session on ${t.slot}`,
    {
      headline: t.reschedule ? `${coach} proposes a new time` : `${coach} invited you to a session`,
      greeting: t.greeting,
      paragraphs: [
        t.reschedule
          ? `${coach} would like to move your session from ${t.original} to ${t.slot}.`
          : `${coach} invited you to a coaching session on ${t.slot}.`,
        ...(t.invite.message ? [`${coach} wrote: "${t.invite.message}"`] : []),
        cost,
        `Please answer by ${t.answerBy}.`,
      ],
      facts: [
        ...(t.reschedule
          ? [
              { label: 'New time', value: t.slot },
              { label: 'Now', value: t.original ?? '' },
            ]
          : [{ label: 'When', value: t.slot }]),
        { label: 'Answer by', value: t.answerBy },
      ],
      button: { label: 'Accept or Decline', target: t.inviteTarget },
    },
    { title: 'Invite waiting', body: `${coach} sent you a ${what}: ${t.slot}.`, link: t.inviteUrl },
  );
}
