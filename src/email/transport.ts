import { Resend } from 'resend';
import type { EmailAttachment } from './attachment.js';

export interface OutgoingEmail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments?: EmailAttachment[];
}

export type DeliveryResult =
  { status: 'sent'; providerId: string | null } | { status: 'failed'; error: string };

/** A failure worth retrying: rate limiting, a server error or no answer at all. */
export class TransientEmailError extends Error {
  override name = 'TransientEmailError';
}

export interface EmailTransport {
  readonly name: 'resend' | 'log';
  deliver(email: OutgoingEmail, idempotencyKey: string): Promise<DeliveryResult>;
}

/** How long one request to Resend may take; a Resend that answers nothing is retried like a 5xx. */
export const RESEND_TIMEOUT_MS = 10_000;

/** The real Resend SDK; `baseUrl` lets tests point it at a fake Resend server. */
export function resendTransport(
  apiKey: string,
  baseUrl?: string,
  timeoutMs = RESEND_TIMEOUT_MS,
): EmailTransport {
  const resend = new Resend(apiKey, baseUrl ? { baseUrl } : undefined);
  return {
    name: 'resend',
    async deliver(email, idempotencyKey) {
      const { attachments = [], ...rest } = email;
      const { data, error } = await resend.emails.send(
        {
          ...rest,
          // The SDK sends bytes as base64, as Resend's API wants them.
          ...(attachments.length
            ? {
                attachments: attachments.map((file) => ({
                  filename: file.filename,
                  contentType: file.contentType,
                  content: Buffer.from(file.content, 'utf8'),
                })),
              }
            : {}),
        },
        {
          idempotencyKey,
          signal: AbortSignal.timeout(timeoutMs),
        },
      );
      if (!error) return { status: 'sent', providerId: data?.id ?? null };
      const status = (error as { statusCode?: number | null }).statusCode ?? null;
      if (status === null || status === 429 || status >= 500) {
        throw new TransientEmailError(`Resend answered ${status ?? 'nothing'}: ${error.message}`);
      }
      return { status: 'failed', error: `${status} ${error.name}: ${error.message}` };
    },
  };
}

/** With no RESEND_API_KEY: emails are recorded (by the caller) and printed, never sent. */
export function logTransport(
  print: (line: string) => void = (line) => console.log(line),
): EmailTransport {
  return {
    name: 'log',
    async deliver(email, idempotencyKey) {
      print(
        `[email] to=${email.to} subject=${JSON.stringify(email.subject)} key=${idempotencyKey}` +
          (email.attachments ?? []).map((file) => ` attached=${file.filename}`).join('') +
          `\n${email.text}`,
      );
      return { status: 'sent', providerId: null };
    },
  };
}
