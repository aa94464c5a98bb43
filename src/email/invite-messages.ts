import { formatInZone, formatSlotInZone } from '../domain/time-format.js';
import { renderMessage, type MessageBody, type RenderedMessage } from './layout.js';

export const INVITE_EVENTS = [
  'invite_sent',
  'invite_reminder',
  'invite_accepted',
  'invite_declined',
  'invite_expired',
  'invite_cancelled',
] as const;
export type InviteEvent = (typeof INVITE_EVENTS)[number];
export type Recipient = 'client' | 'coach';

interface Person {
  id: string;
  name: string;
  email: string;
  timezone: string;
}

export interface InviteMessageContext {
  event: InviteEvent;
  recipient: Recipient;
  appUrl: string;
  coach: Person;
  client: Person;
  invite: {
    id: string;
    kind: 'new' | 'reschedule';
    startsAt: Date;
    endsAt: Date;
    expiresAt: Date;
    message: string | null;
    declineReason: string | null;
    sessionId: string | null;
  };
  /** The session's time before a reschedule, when the invite is one. */
  originalSlot: { startsAt: Date; endsAt: Date } | null;
  rebook: boolean;
}

/** Every email and in-app notification of an invite's lifecycle, in the recipient's own zone. */
export function renderInviteMessage(ctx: InviteMessageContext): RenderedMessage {
  const person = ctx.recipient === 'client' ? ctx.client : ctx.coach;
  const zone = person.timezone;
  const slot = formatSlotInZone(ctx.invite.startsAt, ctx.invite.endsAt, zone);
  const original = ctx.originalSlot
    ? formatSlotInZone(ctx.originalSlot.startsAt, ctx.originalSlot.endsAt, zone)
    : null;
  const inviteUrl = `${ctx.appUrl}/invites/${ctx.invite.id}`;
  const sessionUrl = ctx.invite.sessionId
    ? `${ctx.appUrl}/sessions/${ctx.invite.sessionId}`
    : inviteUrl;
  const questionnaireUrl = `${ctx.appUrl}/sessions/${ctx.invite.sessionId}/questionnaire`;
  const bookUrl = `${ctx.appUrl}/book?coachId=${ctx.coach.id}`;
  const reschedule = ctx.invite.kind === 'reschedule';
  const what = reschedule ? 'new time for your session' : 'coaching session';
  const coachNote = ctx.invite.message ? [`${ctx.coach.name} wrote: "${ctx.invite.message}"`] : [];

  const m = (
    subject: string,
    body: MessageBody,
    title: string,
    summary: string,
    link: string,
  ): RenderedMessage => renderMessage(subject, body, { title, body: summary, link });
  const greeting = `Hi ${person.name},`;

  switch (`${ctx.event}:${ctx.recipient}`) {
    case 'invite_sent:client':
      return m(
        reschedule
          ? `${ctx.coach.name} proposes a new time: ${slot}`
          : `${ctx.coach.name} invited you to a session on ${slot}`,
        {
          greeting,
          paragraphs: [
            reschedule
              ? `${ctx.coach.name} would like to move your session from ${original} to ${slot}.`
              : `${ctx.coach.name} invited you to a coaching session on ${slot}.`,
            ...coachNote,
            `Please answer by ${formatInZone(ctx.invite.expiresAt, zone)}.`,
          ],
          button: { label: 'View invite', url: inviteUrl },
        },
        'Invite waiting',
        `${ctx.coach.name} sent you a ${what}: ${slot}.`,
        inviteUrl,
      );
    case 'invite_reminder:client':
      return m(
        `Reminder: ${ctx.coach.name}'s invite for ${slot} is waiting`,
        {
          greeting,
          paragraphs: [
            `${ctx.coach.name}'s invite for ${slot} is still waiting for your answer.`,
            `It expires on ${formatInZone(ctx.invite.expiresAt, zone)}.`,
          ],
          button: { label: 'Answer the invite', url: inviteUrl },
        },
        'Invite waiting',
        `Reminder: answer ${ctx.coach.name}'s invite for ${slot}.`,
        inviteUrl,
      );
    case 'invite_accepted:client':
      return m(
        reschedule
          ? `Your session has moved to ${slot}`
          : `Your session with ${ctx.coach.name} is booked: ${slot}`,
        {
          greeting,
          paragraphs: reschedule
            ? [
                `Your session with ${ctx.coach.name} has moved from ${original} to ${slot}. No credits changed.`,
              ]
            : [
                `Your session with ${ctx.coach.name} on ${slot} is confirmed.`,
                'Please fill in the short pre-session questionnaire so your coach can prepare.',
                'Cancelling early enough before the start refunds your credits; see the cancellation policy.',
              ],
          button: reschedule
            ? { label: 'View session', url: sessionUrl }
            : { label: 'Fill in the questionnaire', url: questionnaireUrl },
        },
        reschedule ? 'Session moved' : 'Session booked',
        reschedule
          ? `Your session now takes place ${slot}.`
          : `Your session with ${ctx.coach.name} is booked for ${slot}.`,
        reschedule ? sessionUrl : questionnaireUrl,
      );
    case 'invite_accepted:coach':
      return m(
        reschedule
          ? `${ctx.client.name} accepted the new time: ${slot}`
          : `${ctx.client.name} accepted your invite for ${slot}`,
        {
          greeting,
          paragraphs: [
            reschedule
              ? `${ctx.client.name} accepted moving the session from ${original} to ${slot}.`
              : `${ctx.client.name} accepted your invite. The session on ${slot} is booked.`,
          ],
          button: { label: 'View session', url: sessionUrl },
        },
        reschedule ? 'Session moved' : 'Invite accepted',
        `${ctx.client.name} accepted: ${slot}.`,
        sessionUrl,
      );
    case 'invite_declined:coach':
      return m(
        `${ctx.client.name} declined ${reschedule ? 'the new time' : 'your invite'} for ${slot}`,
        {
          greeting,
          paragraphs: [
            `${ctx.client.name} declined ${reschedule ? `moving the session to ${slot}; it stays at ${original}` : `your invite for ${slot}. The slot is free again`}.`,
            ctx.invite.declineReason
              ? `Their reason: "${ctx.invite.declineReason}"`
              : 'They gave no reason.',
            ...(ctx.rebook ? [`${ctx.client.name} would like to book another time.`] : []),
          ],
        },
        'Invite declined',
        `${ctx.client.name} declined ${slot}.`,
        inviteUrl,
      );
    case 'invite_declined:client':
      return m(
        `You declined ${ctx.coach.name}'s ${reschedule ? 'proposed new time' : 'invite'}`,
        {
          greeting,
          paragraphs: reschedule
            ? [`You declined moving your session to ${slot}. It stays booked at ${original}.`]
            : [
                `You declined ${ctx.coach.name}'s invite for ${slot}.`,
                `Contact ${ctx.coach.name} (${ctx.coach.email}) to re-book${ctx.rebook ? ', or pick a new time on the booking page' : ''}.`,
              ],
          ...(ctx.rebook && !reschedule
            ? { button: { label: 'Book a new time', url: bookUrl } }
            : {}),
        },
        'Invite declined',
        `You declined ${slot}.`,
        ctx.rebook ? bookUrl : inviteUrl,
      );
    case 'invite_expired:client':
    case 'invite_expired:coach': {
      const other = ctx.recipient === 'client' ? ctx.coach.name : ctx.client.name;
      return m(
        `The invite for ${slot} has expired`,
        {
          greeting,
          paragraphs: [
            reschedule
              ? `The proposed new time ${slot} was not answered in time. The session stays at ${original}.`
              : `The invite ${ctx.recipient === 'client' ? `from ${other}` : `to ${other}`} for ${slot} was not answered in time and has expired. The slot is free again.`,
            ...(ctx.recipient === 'client' && !reschedule
              ? [`Contact ${ctx.coach.name} to find another time.`]
              : []),
          ],
        },
        'Invite expired',
        `The invite for ${slot} expired.`,
        inviteUrl,
      );
    }
    case 'invite_cancelled:client':
      return m(
        `${ctx.coach.name} withdrew the invite for ${slot}`,
        {
          greeting,
          paragraphs: [
            reschedule
              ? `${ctx.coach.name} withdrew the proposal to move your session to ${slot}. It stays at ${original}.`
              : `${ctx.coach.name} withdrew the invite for ${slot}. Nothing was charged.`,
          ],
        },
        'Invite withdrawn',
        `${ctx.coach.name} withdrew the invite for ${slot}.`,
        inviteUrl,
      );
    default:
      throw new Error(`No message for ${ctx.event} to the ${ctx.recipient}`);
  }
}
