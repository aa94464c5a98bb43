import { pino, type DestinationStream } from 'pino';

/** Fields whose value is a credential, wherever they appear (`{ config }`, `{ req: { headers } }`). */
const SECRET_FIELDS = [
  'authJwtSecret',
  'AUTH_JWT_SECRET',
  'secret',
  'resendApiKey',
  'RESEND_API_KEY',
  'apiKey',
  'password',
  'token',
  'authorization',
  'cookie',
];
/** Fields holding a URL, which may carry a password (`postgres://user:password@host`). */
const URL_FIELDS = ['databaseUrl', 'DATABASE_URL', 'url'];

const REDACTED = '[Redacted]';

/** A field at the top of a log line, or nested up to two objects deep. */
const atAnyDepth = (field: string) => [field, `*.${field}`, `*.*.${field}`];

/** A URL keeps everything but its password, so a log still says where the service connects. */
function censor(value: unknown, path: string[]): unknown {
  if (URL_FIELDS.includes(path[path.length - 1]!) && typeof value === 'string') {
    return value.replace(/\/\/([^:/@]*):[^@/]*@/, `//$1:${REDACTED}@`);
  }
  return REDACTED;
}

/**
 * Writes to stdout synchronously by default: pino's asynchronous default can lose or reorder the
 * last lines before `process.exit` (the shutdown steps, a fatal start error).
 */
export function createLogger(destination?: DestinationStream) {
  return pino(
    {
      level: process.env.LOG_LEVEL ?? 'info',
      base: { service: 'coach-invites' },
      redact: { paths: [...SECRET_FIELDS, ...URL_FIELDS].flatMap(atAnyDepth), censor },
    },
    destination ?? pino.destination({ dest: 1, sync: true }),
  );
}

export const logger = createLogger();
