import { findPartiesAndWhetherTold } from '../src/db/queries/notifications.js';
import type { Recipient } from '../src/domain/events.js';
import type { Person } from '../src/domain/model.js';
import { signInLink } from '../src/auth/sign-in-tokens.js';
import { bookingUrlFor, defaultBookingUrl } from '../src/domain/booking-url.js';
import type { EmailAttachment } from '../src/email/attachment.js';
import { renderEmail, type EmailLinks, type RenderedMessage } from '../src/email/layout.js';
import type { ActivityDeps } from './deps.js';

/**
 * Tells one of an invite's or session's two people one thing: an in-app notification and an
 * email under the same key (`<type>:<subject>:<recipient id>`), each recorded once, so a retried
 * activity neither notifies nor emails twice. The message is rendered in the recipient's own zone.
 * A message already recorded is delivered as recorded, whatever happened since; one not yet
 * recorded is skipped when `overtaken` says events made it wrong to send. The email's button is a
 * sign-in link for the recipient alone.
 */
export async function deliverToParty(
  deps: ActivityDeps,
  input: {
    parties: { coachId: string; clientId: string };
    recipient: Recipient;
    type: string;
    /** What the message is about, and when one subject has several: the key's middle. */
    subject: string;
    overtaken?: () => boolean | Promise<boolean>;
    render: (people: { coach: Person; client: Person }) => RenderedMessage;
    /** Files for the email (its calendar event); asked only while nothing is recorded yet. */
    attach?: () => Promise<EmailAttachment[]>;
  },
): Promise<'sent' | 'skipped'> {
  const { db, email, clock } = deps;
  const { coachId, clientId } = input.parties;
  const key = `${input.type}:${input.subject}:${input.recipient === 'client' ? clientId : coachId}`;
  const { told, ...people } = await findPartiesAndWhetherTold(db, input.parties, key);
  if (!told && (await input.overtaken?.())) return 'skipped';
  const person = people[input.recipient];
  const message = input.render(people);
  const rendered = await renderEmail(message, emailLinks(deps, person.id));
  const attachments = told ? [] : ((await input.attach?.()) ?? []);
  await email.send(
    {
      idempotencyKey: key,
      template: input.type,
      recipientId: person.id,
      to: person.email,
      ...rendered,
      attachments,
    },
    { userId: person.id, key, type: input.type, ...message.notification, createdAt: clock() },
  );
  return 'sent';
}

function emailLinks(deps: ActivityDeps, recipientId: string): EmailLinks {
  const now = deps.clock();
  return {
    signIn: (target) =>
      signInLink(deps.authJwtSecret, { appUrl: deps.appUrl, userId: recipientId, now, target }),
    booking: (coachId) => bookingUrlFor(deps.bookingUrl ?? defaultBookingUrl(deps.appUrl), coachId),
  };
}
