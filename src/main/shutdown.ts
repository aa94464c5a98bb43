import type { Server } from 'node:http';
import type { Logger } from 'pino';
import type { Tracing } from '../observability/tracing.js';

/** A shutdown step and the line logged once it is done, so the order shows in the log. */
export type ShutdownStep = [done: string, run: () => Promise<unknown>];

/**
 * Runs `steps` in order on SIGTERM or SIGINT, then exits: 0 when every step succeeded. The Temporal
 * Runtime must not shut workers down on signals itself (see `installTemporalRuntime`).
 */
export function onShutdown(logger: Logger, steps: ShutdownStep[]): void {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    let failed = false;
    for (const [done, run] of steps) {
      try {
        await run();
        logger.info(done);
      } catch (error) {
        failed = true;
        logger.error({ err: error, step: done }, 'shutdown step failed');
      }
    }
    process.exit(failed ? 1 : 0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

export const closeServer = (server: Server) =>
  new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });

/** Last, so the spans of the shutdown itself are sent too. */
export const tracingShutdown = (tracing: Tracing | null): ShutdownStep[] =>
  tracing ? [['traces sent', tracing.shutdown]] : [];
