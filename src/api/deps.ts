import type { Client } from '@temporalio/client';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import type { EmailService } from '../email/email-service.js';

export interface ApiDeps {
  db: Db;
  temporal: Client;
  config: Config & { authJwtSecret: string };
  clock: () => Date;
  /** Sends sign-in links asked for on the sign-in page. */
  email: EmailService;
  logger: Logger;
  /** Each resolves when its dependency answers. */
  readiness: { postgres(): Promise<void>; temporal(): Promise<void> };
}
