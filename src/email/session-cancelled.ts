import { formatSlotInZone } from '../domain/time-format.js';
import { renderMessage, type RenderedMessage } from './layout.js';
import type { SessionMessageContext } from './session-messages.js';

const credits = (count: number) => `${count} credit${count === 1 ? '' : 's'}`;

/**
 * What a cancellation means for the recipient's credits: nothing for a free session or for the
 * coach; for the client, the refund, or that their own late cancellation refunds nothing.
 */
function refundSentence(ctx: SessionMessageContext): string | null {
  const { session } = ctx;
  if (ctx.recipient !== 'client' || session.creditCost === 0) return null;
  const refunded = session.refundedCredits ?? 0;
  if (refunded > 0) return `${credits(refunded)} went back to your balance.`;
  if (session.cancelledBy === 'client')
    return 'You cancelled too close to the start for a refund, under the cancellation policy.';
  return null;
}

/** To the other party (and to a client who cancelled, as a receipt): the session is off. */
export function sessionCancelled(ctx: SessionMessageContext): RenderedMessage {
  const toClient = ctx.recipient === 'client';
  const person = toClient ? ctx.client : ctx.coach;
  const slot = formatSlotInZone(ctx.session.startsAt, ctx.session.endsAt, person.timezone);
  const own = ctx.session.cancelledBy === ctx.recipient;
  const by = ctx.session.cancelledBy === 'client' ? ctx.client.name : ctx.coach.name;
  const with_ = toClient ? ctx.coach.name : ctx.client.name;
  const what = own
    ? `You cancelled your session with ${with_} on ${slot}.`
    : `${by} cancelled the session on ${slot}.`;
  const reason = ctx.session.cancelReason
    ? [`${own ? 'Your' : 'Their'} reason: "${ctx.session.cancelReason}"`]
    : [];
  const refund = refundSentence(ctx);
  return renderMessage(
    own ? `You cancelled your session on ${slot}` : `${by} cancelled the session on ${slot}`,
    {
      headline: own ? 'You cancelled your session' : `${by} cancelled the session`,
      greeting: `Hi ${person.name},`,
      paragraphs: [
        `${what} The time is free again, and the attached calendar event removes it from your calendar.`,
        ...reason,
        ...(refund ? [refund] : []),
      ],
      facts: [{ label: 'Was', value: slot }],
      button: {
        label: 'View session',
        target: { path: `/sessions/${ctx.session.id}`, until: ctx.session.endsAt },
      },
    },
    {
      title: 'Session cancelled',
      body: own
        ? `You cancelled the session on ${slot}.`
        : `${by} cancelled the session on ${slot}.`,
      link: `${ctx.appUrl}/sessions/${ctx.session.id}`,
    },
  );
}
