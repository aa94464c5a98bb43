import { eq, sql } from 'drizzle-orm';
import type { EmailAttachment } from '../../email/attachment.js';
import type { DbOrTx } from '../client.js';
import { emailLog, notifications } from '../schema.js';

export interface EmailRecord {
  idempotencyKey: string;
  template: string;
  recipientId: string | null;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Calendar events; none when absent. */
  attachments?: EmailAttachment[];
  transport: string;
  createdAt: Date;
}

export interface NotificationRecord {
  userId: string;
  key: string;
  type: string;
  title: string;
  body: string;
  link: string;
  createdAt: Date;
}

/**
 * Records an email under its key, with the in-app notification that goes with it, in one
 * statement; a repeat records nothing new and counts an attempt. Answers what was stored first:
 * a retry sends the message decided the first time.
 */
export async function recordEmail(
  db: DbOrTx,
  email: EmailRecord,
  notification?: NotificationRecord,
) {
  const upsert = (tx: Pick<DbOrTx, 'insert'>) =>
    tx
      .insert(emailLog)
      .values({ ...email, attempts: 1 })
      .onConflictDoUpdate({
        target: emailLog.idempotencyKey,
        set: { attempts: sql`${emailLog.attempts} + 1` },
      })
      .returning({
        status: emailLog.status,
        to: emailLog.to,
        subject: emailLog.subject,
        text: emailLog.text,
        html: emailLog.html,
        attachments: emailLog.attachments,
      });
  if (!notification) return (await upsert(db))[0]!;
  const notice = db
    .$with('notice')
    .as(
      db
        .insert(notifications)
        .values(notification)
        .onConflictDoNothing({ target: notifications.key })
        .returning({ id: notifications.id }),
    );
  return (await upsert(db.with(notice)))[0]!;
}

/** What the transport answered for the email of this key. */
export async function markEmail(
  db: DbOrTx,
  key: string,
  outcome:
    | { status: 'sent'; providerId: string | null; sentAt: Date; error: null }
    | { status: 'failed'; error: string }
    | { error: string },
): Promise<void> {
  await db.update(emailLog).set(outcome).where(eq(emailLog.idempotencyKey, key));
}
