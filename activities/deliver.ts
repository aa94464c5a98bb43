import { recordNotification } from '../src/db/queries/notifications.js';
import type { RenderedMessage } from '../src/email/layout.js';
import type { ActivityDeps } from './deps.js';

/**
 * Tells one person one thing: an in-app notification and an email under the same key, each
 * recorded once, so a retried activity neither notifies nor emails twice.
 */
export async function deliver(
  { db, email, clock }: ActivityDeps,
  input: {
    key: string;
    type: string;
    person: { id: string; email: string };
    message: RenderedMessage;
  },
): Promise<void> {
  await recordNotification(db, {
    userId: input.person.id,
    key: input.key,
    type: input.type,
    ...input.message.notification,
    createdAt: clock(),
  });
  await email.send({
    idempotencyKey: input.key,
    template: input.type,
    recipientId: input.person.id,
    to: input.person.email,
    subject: input.message.subject,
    text: input.message.text,
    html: input.message.html,
  });
}
