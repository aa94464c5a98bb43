import type { InviteEvent, Recipient } from '../domain/events.js';
import type { RenderedMessage } from './layout.js';
import { inviteAcceptedToClient, inviteAcceptedToCoach } from './invite/accepted.js';
import { inviteCancelled } from './invite/cancelled.js';
import {
  templateContext,
  type InviteMessageContext,
  type TemplateContext,
} from './invite/context.js';
import { inviteDeclinedToClient, inviteDeclinedToCoach } from './invite/declined.js';
import { inviteExpired } from './invite/expired.js';
import { inviteReminder } from './invite/reminder.js';
import { inviteSent } from './invite/sent.js';

export type { InviteMessageContext } from './invite/context.js';

type Template = (t: TemplateContext) => RenderedMessage;

/** Which template tells which recipient of which event; a pair missing here is never sent. */
const TEMPLATES: Record<InviteEvent, Partial<Record<Recipient, Template>>> = {
  invite_sent: { client: inviteSent },
  invite_reminder: { client: inviteReminder },
  invite_accepted: { client: inviteAcceptedToClient, coach: inviteAcceptedToCoach },
  invite_declined: { client: inviteDeclinedToClient, coach: inviteDeclinedToCoach },
  invite_expired: { client: inviteExpired, coach: inviteExpired },
  invite_cancelled: { client: inviteCancelled },
};

/** Every email and in-app notification of an invite's lifecycle, in the recipient's own zone. */
export function renderInviteMessage(ctx: InviteMessageContext): RenderedMessage {
  const template = TEMPLATES[ctx.event][ctx.recipient];
  if (!template) throw new Error(`No message for ${ctx.event} to the ${ctx.recipient}`);
  return template(templateContext(ctx));
}
