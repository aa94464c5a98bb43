import type { Db } from '../src/db/client.js';
import type { EmailService } from '../src/email/email-service.js';

export interface ActivityDeps {
  db: Db;
  email: EmailService;
  clock: () => Date;
  appUrl: string;
}
