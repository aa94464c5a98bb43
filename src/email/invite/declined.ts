import { renderMessage, type RenderedMessage } from '../layout.js';
import type { TemplateContext } from './context.js';

/** To the coach: the client declined, with their reason and whether they want another time. */
export function inviteDeclinedToCoach(t: TemplateContext): RenderedMessage {
  const client = t.client.name;
  const what = t.reschedule
    ? `moving the session to ${t.slot}; it stays at ${t.original}`
    : `your invite for ${t.slot}. The slot is free again`;
  return renderMessage(
    `${client} declined ${t.reschedule ? 'the new time' : 'your invite'} for ${t.slot}`,
    {
      headline: `${client} declined ${t.reschedule ? 'the new time' : 'your invite'}`,
      greeting: t.greeting,
      paragraphs: [
        `${client} declined ${what}.`,
        t.invite.declineReason
          ? `Their reason: "${t.invite.declineReason}"`
          : 'They gave no reason.',
        ...(t.rebook ? [`${client} would like to book another time.`] : []),
      ],
      facts: t.reschedule
        ? [{ label: 'The session stays at', value: t.original ?? '' }]
        : [{ label: 'Declined', value: t.slot }],
    },
    { title: 'Invite declined', body: `${client} declined ${t.slot}.`, link: t.inviteUrl },
  );
}

/** To the client: their decline is confirmed, with the way to book again. */
export function inviteDeclinedToClient(t: TemplateContext): RenderedMessage {
  const coach = t.coach.name;
  const rebookHere = t.rebook && !t.reschedule;
  return renderMessage(
    `You declined ${coach}'s ${t.reschedule ? 'proposed new time' : 'invite'}`,
    {
      headline: `You declined ${coach}'s ${t.reschedule ? 'proposed new time' : 'invite'}`,
      greeting: t.greeting,
      paragraphs: t.reschedule
        ? [`You declined moving your session to ${t.slot}. It stays booked at ${t.original}.`]
        : [
            `You declined ${coach}'s invite for ${t.slot}. Nothing was charged.`,
            `Contact ${coach} (${t.coach.email}) to re-book${t.rebook ? ', or pick a new time on the booking page' : ''}.`,
          ],
      facts: t.reschedule
        ? [{ label: 'Your session stays at', value: t.original ?? '' }]
        : [{ label: 'Declined', value: t.slot }],
      ...(rebookHere ? { button: { label: 'Book a new time', bookingWith: t.coach.id } } : {}),
    },
    {
      title: 'Invite declined',
      body: `You declined ${t.slot}.`,
      link: t.inviteUrl,
    },
  );
}
