import { eq, sql } from 'drizzle-orm';
import type { EmailAttachment } from '../../email/attachment.js';
import type { Db } from '../client.js';
import { preparedStatement } from '../prepared.js';
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

const EMAIL_FIELDS = [
  'idempotencyKey',
  'template',
  'recipientId',
  'to',
  'subject',
  'text',
  'html',
  'attachments',
  'transport',
  'createdAt',
] as const;
const NOTIFICATION_FIELDS = [
  'userId',
  'key',
  'type',
  'title',
  'body',
  'link',
  'createdAt',
] as const;

/** `{ field: sql.placeholder('<prefix>field') }` for each field; `withPrefix` fills them. */
const placeholders = <F extends string>(fields: readonly F[], prefix = '') =>
  Object.fromEntries(fields.map((field) => [field, sql.placeholder(prefix + field)])) as Record<
    F,
    ReturnType<typeof sql.placeholder>
  >;

const withPrefix = (prefix: string, values: object) =>
  Object.fromEntries(Object.entries(values).map(([field, value]) => [prefix + field, value]));

const emailUpsert = (db: Pick<Db, 'insert'>) =>
  db
    .insert(emailLog)
    .values({ ...placeholders(EMAIL_FIELDS), attempts: 1 })
    .onConflictDoUpdate({
      target: emailLog.idempotencyKey,
      set: { attempts: sql`${emailLog.attempts} + 1` },
    })
    .returning({ status: emailLog.status, attempts: emailLog.attempts });

const recordEmailAlone = preparedStatement((db) => emailUpsert(db).prepare('record_email'));

const recordEmailWithNotice = preparedStatement((db) => {
  const notice = db
    .$with('notice')
    .as(
      db
        .insert(notifications)
        .values(placeholders(NOTIFICATION_FIELDS, 'notice_'))
        .onConflictDoNothing({ target: notifications.key })
        .returning({ id: notifications.id }),
    );
  return emailUpsert(db.with(notice)).prepare('record_email_with_notification');
});

const storedEmail = preparedStatement((db) =>
  db
    .select({
      status: emailLog.status,
      to: emailLog.to,
      subject: emailLog.subject,
      text: emailLog.text,
      html: emailLog.html,
      attachments: emailLog.attachments,
    })
    .from(emailLog)
    .where(eq(emailLog.idempotencyKey, sql.placeholder('key')))
    .prepare('stored_email'),
);

/**
 * Records an email under its key, with the in-app notification that goes with it, in one
 * statement; a repeat records nothing new and counts an attempt. Answers what was stored first:
 * a retry sends the message decided the first time. Only a repeat reads the stored message back
 * (a first recording stored this one), which spares every first email its body's round trip.
 */
export async function recordEmail(db: Db, email: EmailRecord, notification?: NotificationRecord) {
  const values = { ...email, attachments: email.attachments ?? [] };
  const [recorded] = notification
    ? await recordEmailWithNotice(db).execute({
        ...values,
        ...withPrefix('notice_', notification),
      })
    : await recordEmailAlone(db).execute(values);
  if (recorded!.attempts === 1) {
    const { to, subject, text, html, attachments } = values;
    return { status: recorded!.status, to, subject, text, html, attachments };
  }
  const [stored] = await storedEmail(db).execute({ key: email.idempotencyKey });
  return stored!;
}

const markEmailSent = preparedStatement((db) =>
  db
    .update(emailLog)
    .set({
      status: 'sent',
      providerId: sql`${sql.placeholder('providerId')}`,
      sentAt: sql`${sql.placeholder('sentAt')}::timestamptz`,
      error: null,
    })
    .where(eq(emailLog.idempotencyKey, sql.placeholder('key')))
    .prepare('mark_email_sent'),
);

/** What the transport answered for the email of this key. */
export async function markEmail(
  db: Db,
  key: string,
  outcome:
    | { status: 'sent'; providerId: string | null; sentAt: Date; error: null }
    | { status: 'failed'; error: string }
    | { error: string },
): Promise<void> {
  if ('status' in outcome && outcome.status === 'sent') {
    await markEmailSent(db).execute({
      key,
      providerId: outcome.providerId,
      sentAt: outcome.sentAt.toISOString(),
    });
    return;
  }
  await db.update(emailLog).set(outcome).where(eq(emailLog.idempotencyKey, key));
}
