import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { emailLog } from '../db/schema.js';
import type { EmailTransport } from './transport.js';

export interface EmailRequest {
  idempotencyKey: string;
  template: string;
  recipientId: string | null;
  to: string;
  subject: string;
  text: string;
  html: string;
}

export type EmailOutcome = 'sent' | 'failed' | 'already_sent' | 'already_failed';

export interface EmailService {
  send(request: EmailRequest): Promise<EmailOutcome>;
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
    async send(request) {
      await db
        .insert(emailLog)
        .values({ ...request, transport: transport.name, createdAt: clock() })
        .onConflictDoNothing({ target: emailLog.idempotencyKey });
      // A retry sends exactly what was stored for its key: Resend refuses a reused key with
      // another body, and the person must get the message that was decided the first time.
      const [stored] = await db
        .update(emailLog)
        .set({ attempts: sql`${emailLog.attempts} + 1` })
        .where(eq(emailLog.idempotencyKey, request.idempotencyKey))
        .returning({
          status: emailLog.status,
          to: emailLog.to,
          subject: emailLog.subject,
          text: emailLog.text,
          html: emailLog.html,
        });
      if (!stored) throw new Error(`Email ${request.idempotencyKey} was not recorded`);
      if (stored.status === 'sent') return 'already_sent';
      if (stored.status === 'failed') return 'already_failed';

      try {
        const result = await transport.deliver(
          { from, to: stored.to, subject: stored.subject, text: stored.text, html: stored.html },
          request.idempotencyKey,
        );
        const done =
          result.status === 'sent'
            ? {
                status: 'sent' as const,
                providerId: result.providerId,
                sentAt: clock(),
                error: null,
              }
            : { status: 'failed' as const, error: result.error };
        await db
          .update(emailLog)
          .set(done)
          .where(eq(emailLog.idempotencyKey, request.idempotencyKey));
        return result.status;
      } catch (error) {
        await db
          .update(emailLog)
          .set({ error: error instanceof Error ? error.message : String(error) })
          .where(eq(emailLog.idempotencyKey, request.idempotencyKey));
        throw error;
      }
    },
  };
}
