import type { Client } from '@temporalio/client';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { Db } from '../db/client.js';

export interface ApiDeps {
  db: Db;
  temporal: Client;
  config: Config & { authJwtSecret: string };
  clock: () => Date;
  logger: Logger;
  /** Each resolves when its dependency answers. */
  readiness: { postgres(): Promise<void>; temporal(): Promise<void> };
}
