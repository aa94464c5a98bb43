import type { Db } from '../src/db/client.js';
import type { EmailService } from '../src/email/email-service.js';
import type { SessionWorkflowStarter } from '../src/temporal/session-workflow-starter.js';

export interface ActivityDeps {
  db: Db;
  email: EmailService;
  clock: () => Date;
  appUrl: string;
  /** Signs the sign-in links in emails' buttons (AUTH_JWT_SECRET). */
  authJwtSecret: string;
  /** BOOKING_URL, with `{coachId}`; unset: `APP_URL/book?coachId={coachId}`. */
  bookingUrl?: string;
  /** Starts the workflow of a session an acceptance booked. */
  startSessionWorkflow: SessionWorkflowStarter;
  /** NODE_ENV=production: webhooks reach public https addresses only. */
  production?: boolean;
}
