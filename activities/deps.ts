import type { Db } from '../src/db/client.js';
import type { EmailService } from '../src/email/email-service.js';

export interface ActivityDeps {
  db: Db;
  email: EmailService;
  clock: () => Date;
  appUrl: string;
  /** Signs the sign-in links in emails' buttons (AUTH_JWT_SECRET). */
  authJwtSecret: string;
  /** BOOKING_URL, with `{coachId}`; unset: `APP_URL/book?coachId={coachId}`. */
  bookingUrl?: string;
  /** NODE_ENV=production: webhooks reach public https addresses only. */
  production?: boolean;
}
