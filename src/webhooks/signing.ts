import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

/** A new endpoint's secret: `whsec_` and 24 random bytes in base64, as Standard Webhooks writes it. */
export const newWebhookSecret = () => `whsec_${randomBytes(24).toString('base64')}`;

/** The Standard Webhooks headers for one attempt: the event's id, the attempt's time, the signature. */
export function signedHeaders(input: {
  secret: string;
  eventId: string;
  body: string;
  at: Date;
}): Record<string, string> {
  const signature = new Webhook(input.secret).sign(input.eventId, input.at, input.body);
  return {
    'webhook-id': input.eventId,
    'webhook-timestamp': String(Math.floor(input.at.getTime() / 1000)),
    'webhook-signature': signature,
  };
}
