import type { Db } from '../db/client.js';
import {
  markEmail,
  recordEmail,
  type EmailRecord,
  type NotificationRecord,
} from '../db/queries/emails.js';
import type { EmailTransport } from './transport.js';

/** An email as a sender asks for it; the service adds the transport and the moment. */
export type EmailRequest = Omit<EmailRecord, 'transport' | 'createdAt'>;

export type EmailOutcome = 'sent' | 'failed' | 'already_sent' | 'already_failed';

export interface EmailService {
  /** Sends once per key; `notification` is recorded with the email, in the same statement. */
  send(request: EmailRequest, notification?: NotificationRecord): Promise<EmailOutcome>;
}

/**
 * Records every email in the email log under its idempotency key before handing it to the
 * transport, so a retry never sends a second copy: Resend remembers keys for 24 hours, the log
 * for good. Transient transport errors propagate for the caller's retry policy.
 */
export function createEmailService(deps: {
  db: Db;
  transport: EmailTransport;
  from: string;
  clock: () => Date;
}): EmailService {
  const { db, transport, from, clock } = deps;
  return {
    async send(request, notification) {
      // A retry sends exactly what was stored for its key: Resend refuses a reused key with
      // another body, and the person must get the message that was decided the first time.
      const stored = await recordEmail(
        db,
        { ...request, transport: transport.name, createdAt: clock() },
        notification,
      );
      if (stored.status === 'sent') return 'already_sent';
      if (stored.status === 'failed') return 'already_failed';

      const key = request.idempotencyKey;
      try {
        const result = await transport.deliver(
          {
            from,
            to: stored.to,
            subject: stored.subject,
            text: stored.text,
            html: stored.html,
            attachments: stored.attachments,
          },
          key,
        );
        await markEmail(
          db,
          key,
          result.status === 'sent'
            ? { status: 'sent', providerId: result.providerId, sentAt: clock(), error: null }
            : { status: 'failed', error: result.error },
        );
        return result.status;
      } catch (error) {
        await markEmail(db, key, { error: error instanceof Error ? error.message : String(error) });
        throw error;
      }
    },
  };
}
