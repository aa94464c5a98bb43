import type { InviteEvent, Recipient } from '../../domain/events.js';
import type { Person } from '../../domain/model.js';
import { formatSlotInZone } from '../../domain/time-format.js';

/** What an invite's email is rendered from. */
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

/** The pieces every invite template uses, worked out once: times in the recipient's own zone. */
export function templateContext(ctx: InviteMessageContext) {
  const person = ctx.recipient === 'client' ? ctx.client : ctx.coach;
  const zone = person.timezone;
  const inviteUrl = `${ctx.appUrl}/invites/${ctx.invite.id}`;
  return {
    ...ctx,
    zone,
    greeting: `Hi ${person.name},`,
    slot: formatSlotInZone(ctx.invite.startsAt, ctx.invite.endsAt, zone),
    original: ctx.originalSlot
      ? formatSlotInZone(ctx.originalSlot.startsAt, ctx.originalSlot.endsAt, zone)
      : null,
    reschedule: ctx.invite.kind === 'reschedule',
    inviteUrl,
    sessionUrl: ctx.invite.sessionId ? `${ctx.appUrl}/sessions/${ctx.invite.sessionId}` : inviteUrl,
    questionnaireUrl: `${ctx.appUrl}/sessions/${ctx.invite.sessionId}/questionnaire`,
    bookUrl: `${ctx.appUrl}/book?coachId=${ctx.coach.id}`,
  };
}

export type TemplateContext = ReturnType<typeof templateContext>;
