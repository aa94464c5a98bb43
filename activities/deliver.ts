import { recordNotification } from '../src/db/queries/notifications.js';
import { findParties } from '../src/db/queries/users.js';
import type { Recipient } from '../src/domain/events.js';
import type { Person } from '../src/domain/model.js';
import type { RenderedMessage } from '../src/email/layout.js';
import type { ActivityDeps } from './deps.js';

/**
 * Tells one of an invite's or session's two people one thing: an in-app notification and an
 * email under the same key, each recorded once, so a retried activity neither notifies nor emails
 * twice. The message is rendered in the recipient's own zone.
 */
export async function deliverToParty(
  deps: ActivityDeps,
  input: {
    parties: { coachId: string; clientId: string };
    recipient: Recipient;
    type: string;
    key: string;
    render: (people: { coach: Person; client: Person }) => RenderedMessage;
  },
): Promise<void> {
  const { db, email, clock } = deps;
  const people = await findParties(db, input.parties);
  const person = people[input.recipient];
  const { key } = input;
  const message = input.render(people);
  await recordNotification(db, {
    userId: person.id,
    key,
    type: input.type,
    ...message.notification,
    createdAt: clock(),
  });
  await email.send({
    idempotencyKey: key,
    template: input.type,
    recipientId: person.id,
    to: person.email,
    subject: message.subject,
    text: message.text,
    html: message.html,
  });
}
