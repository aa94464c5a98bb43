import { randomBytes } from 'node:crypto';
import { defaultBookingUrl } from './domain/booking-url.js';
import { parseDuration } from './domain/duration.js';
import type { WebhookRetrySchedule } from './domain/webhook-events.js';

export interface Config {
  /** NODE_ENV=production */
  production: boolean;
  port: number;
  databaseUrl: string | undefined;
  temporalAddress: string | undefined;
  temporalUiPort: number;
  dataDir: string;
  temporalNamespace: string;
  taskQueue: string;
  authJwtSecret: string | undefined;
  resendApiKey: string | undefined;
  resendBaseUrl: string | undefined;
  emailFrom: string;
  appUrl: string;
  /** The platform's booking page, `{coachId}` filled in per coach. */
  bookingUrl: string;
  /** Express's `trust proxy`: which proxies' X-Forwarded-For names the client (per-IP limits). */
  trustProxy: boolean | number | string;
  inviteTtlMs: number;
  inviteReminderBeforeMs: number;
  cancellationWindowMs: number;
  sessionCreditCost: number;
  questionnaireRemindersMs: number[];
  /** WEBHOOK_*: how deliveries are retried and how often the relay looks for new ones. */
  webhooks: WebhookConfig;
  /** Where the worker's Prometheus metrics are served (0: nowhere). */
  workerMetricsPort: number;
  /** OTEL_EXPORTER_OTLP_ENDPOINT: traces go there over OTLP/HTTP; unset, nothing is traced. */
  otlpEndpoint: string | undefined;
}

export interface WebhookConfig {
  retry: WebhookRetrySchedule;
  relayIntervalMs: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

function read(env: Env, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    throw new ConfigError(
      `${name}=${raw} is invalid: expected a whole number from ${min} to ${max}`,
    );
  }
  return value;
}

const DURATION_FORM = 'a whole number followed by ms, s, m, h or d (for example 30s, 15m, 24h, 7d)';

function duration(env: Env, name: string, fallback: string): number {
  const raw = read(env, name) ?? fallback;
  const value = parseDuration(raw);
  if (value === null || value <= 0) {
    throw new ConfigError(`${name}=${raw} is invalid: expected ${DURATION_FORM}`);
  }
  return value;
}

function durations(env: Env, name: string, fallback: string): number[] {
  const raw = read(env, name) ?? fallback;
  const values = raw.split(',').map((part) => parseDuration(part));
  if (values.some((value) => value === null || value <= 0)) {
    throw new ConfigError(
      `${name}=${raw} is invalid: expected a comma-separated list, each ${DURATION_FORM}`,
    );
  }
  return [...new Set(values as number[])].sort((a, b) => b - a);
}

function url(env: Env, name: string, fallback: string | undefined): string | undefined {
  const raw = read(env, name) ?? fallback;
  if (raw === undefined) return undefined;
  try {
    const parsed = new URL(raw);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error();
  } catch {
    throw new ConfigError(`${name}=${raw} is invalid: expected an http(s) URL`);
  }
  return raw.replace(/\/+$/, '');
}

/**
 * TRUST_PROXY as Express takes it: unset or `false` trusts no proxy (the socket's address is the
 * client's), a number trusts that many hops, `true` every hop, anything else is a list of
 * addresses, subnets or `loopback` / `uniquelocal`.
 */
function trustProxy(raw: string | undefined): boolean | number | string {
  if (raw === undefined || raw === 'false') return false;
  if (raw === 'true') return true;
  return /^\d+$/.test(raw) ? Number(raw) : raw;
}

/** Reads the whole configuration once; throws a ConfigError naming the variable on a bad value. */
export function loadConfig(env: Env = process.env): Config {
  const appUrl = url(env, 'APP_URL', 'http://localhost:3000') as string;
  return {
    production: read(env, 'NODE_ENV') === 'production',
    port: integer(env, 'PORT', 3000, 0, 65535),
    databaseUrl: read(env, 'DATABASE_URL'),
    temporalAddress: read(env, 'TEMPORAL_ADDRESS'),
    temporalUiPort: integer(env, 'TEMPORAL_UI_PORT', 8233, 1, 65535),
    dataDir: read(env, 'DATA_DIR') ?? '.data',
    temporalNamespace: read(env, 'TEMPORAL_NAMESPACE') ?? 'default',
    taskQueue: read(env, 'TEMPORAL_TASK_QUEUE') ?? 'coach-invites',
    authJwtSecret: read(env, 'AUTH_JWT_SECRET'),
    resendApiKey: read(env, 'RESEND_API_KEY'),
    resendBaseUrl: url(env, 'RESEND_BASE_URL', undefined),
    emailFrom: read(env, 'EMAIL_FROM') ?? 'Coaching <sessions@example.com>',
    appUrl,
    bookingUrl: url(env, 'BOOKING_URL', defaultBookingUrl(appUrl)) as string,
    trustProxy: trustProxy(read(env, 'TRUST_PROXY')),
    inviteTtlMs: duration(env, 'INVITE_TTL', '7d'),
    inviteReminderBeforeMs: duration(env, 'INVITE_REMINDER_BEFORE', '24h'),
    cancellationWindowMs: duration(env, 'CANCELLATION_WINDOW', '24h'),
    sessionCreditCost: integer(env, 'SESSION_CREDIT_COST', 1, 0, 1_000_000),
    questionnaireRemindersMs: durations(env, 'QUESTIONNAIRE_REMINDERS', '72h,24h'),
    webhooks: {
      retry: {
        initialMs: duration(env, 'WEBHOOK_RETRY_INITIAL', '30s'),
        maxMs: duration(env, 'WEBHOOK_RETRY_MAX', '6h'),
        windowMs: duration(env, 'WEBHOOK_RETRY_FOR', '3d'),
        requestTimeoutMs: duration(env, 'WEBHOOK_TIMEOUT', '10s'),
      },
      relayIntervalMs: duration(env, 'WEBHOOK_RELAY_INTERVAL', '1s'),
    },
    workerMetricsPort: integer(env, 'WORKER_METRICS_PORT', 9464, 0, 65535),
    otlpEndpoint: url(env, 'OTEL_EXPORTER_OTLP_ENDPOINT', undefined),
  };
}

/** `npm run api` and `npm run worker` are deployed services; `npm start` is a developer's machine. */
export type RunMode = 'service' | 'development';

export const MIN_JWT_SECRET_BYTES = 32;

/**
 * The HS256 secret for this process. A service, or any process with NODE_ENV=production, needs
 * AUTH_JWT_SECRET; only `npm start` outside production makes one up (its tokens die with the
 * process). A given secret has at least 32 bytes whatever the mode: anything shorter can be
 * brute-forced offline from a single token. Errors never include the secret.
 */
export function jwtSecret(config: Config, mode: RunMode): string {
  const secret = config.authJwtSecret;
  if (secret === undefined) {
    if (mode === 'development' && !config.production) return randomBytes(32).toString('hex');
    throw new ConfigError(
      `AUTH_JWT_SECRET is required: a random secret of at least ${MIN_JWT_SECRET_BYTES} bytes (for example openssl rand -hex 32)`,
    );
  }
  const bytes = Buffer.byteLength(secret, 'utf8');
  if (bytes < MIN_JWT_SECRET_BYTES) {
    throw new ConfigError(
      `AUTH_JWT_SECRET is too short: ${bytes} bytes, expected at least ${MIN_JWT_SECRET_BYTES}`,
    );
  }
  return secret;
}
