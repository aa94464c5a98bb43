import type { LinkTarget } from '../../auth/sign-in-tokens.js';
import type { InviteEvent, Recipient } from '../../domain/events.js';
import type { Person } from '../../domain/model.js';
import { formatInZone, formatSlotInZone } from '../../domain/time-format.js';

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
    /** What accepting costs; 0 for a free session (and for every reschedule). */
    creditCost: number;
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
  const { invite } = ctx;
  const inviteUrl = `${ctx.appUrl}/invites/${invite.id}`;
  // Each button's page, and how long the sign-in link to it is needed.
  const inviteTarget: LinkTarget = { path: `/invites/${invite.id}`, until: invite.expiresAt };
  const sessionTarget: LinkTarget = invite.sessionId
    ? { path: `/sessions/${invite.sessionId}`, until: invite.endsAt }
    : inviteTarget;
  const credits = ctx.invite.creditCost;
  return {
    ...ctx,
    zone,
    credits,
    /** "1 credit", "2 credits". */
    creditText: `${credits} credit${credits === 1 ? '' : 's'}`,
    answerBy: formatInZone(invite.expiresAt, zone),
    greeting: `Hi ${person.name},`,
    slot: formatSlotInZone(ctx.invite.startsAt, ctx.invite.endsAt, zone),
    original: ctx.originalSlot
      ? formatSlotInZone(ctx.originalSlot.startsAt, ctx.originalSlot.endsAt, zone)
      : null,
    reschedule: ctx.invite.kind === 'reschedule',
    inviteUrl,
    inviteTarget,
    sessionUrl: invite.sessionId ? `${ctx.appUrl}/sessions/${invite.sessionId}` : inviteUrl,
    sessionTarget,
    questionnaireUrl: `${ctx.appUrl}/sessions/${invite.sessionId}/questionnaire`,
    // The questionnaire is answered before the session starts.
    questionnaireTarget: {
      path: `/sessions/${invite.sessionId}/questionnaire`,
      until: invite.startsAt,
    } satisfies LinkTarget,
  };
}

export type TemplateContext = ReturnType<typeof templateContext>;
