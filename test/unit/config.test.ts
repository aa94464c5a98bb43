import { describe, expect, it } from 'vitest';
import { ConfigError, jwtSecret, loadConfig } from '../../src/config.js';

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      production: false,
      port: 3000,
      databaseUrl: undefined,
      temporalAddress: undefined,
      temporalUiPort: 8233,
      dataDir: '.data',
      temporalNamespace: 'default',
      taskQueue: 'coach-invites',
      authJwtSecret: undefined,
      resendApiKey: undefined,
      emailFrom: 'Coaching <sessions@example.com>',
      appUrl: 'http://localhost:3000',
      inviteTtlMs: 7 * 86_400_000,
      inviteReminderBeforeMs: 24 * 3_600_000,
      cancellationWindowMs: 24 * 3_600_000,
      sessionCreditCost: 1,
      questionnaireRemindersMs: [72 * 3_600_000, 24 * 3_600_000],
    });
  });

  it('reads the short duration forms', () => {
    const config = loadConfig({
      INVITE_TTL: '30s',
      INVITE_REMINDER_BEFORE: '15m',
      CANCELLATION_WINDOW: '2h',
      QUESTIONNAIRE_REMINDERS: '1h, 3h',
    });
    expect(config.inviteTtlMs).toBe(30_000);
    expect(config.inviteReminderBeforeMs).toBe(900_000);
    expect(config.cancellationWindowMs).toBe(7_200_000);
    expect(config.questionnaireRemindersMs).toEqual([10_800_000, 3_600_000]);
  });

  it('names the variable and the expected form for a bad duration', () => {
    expect(() => loadConfig({ INVITE_TTL: '7 days' })).toThrow(ConfigError);
    expect(() => loadConfig({ INVITE_TTL: '7 days' })).toThrow(
      /INVITE_TTL=7 days is invalid: expected .*30s, 15m, 24h, 7d/,
    );
    expect(() => loadConfig({ QUESTIONNAIRE_REMINDERS: '72h,soon' })).toThrow(
      /QUESTIONNAIRE_REMINDERS/,
    );
    expect(() => loadConfig({ CANCELLATION_WINDOW: '0s' })).toThrow(/CANCELLATION_WINDOW/);
  });

  it('rejects bad numbers and URLs by name', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT=eighty/);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT=70000/);
    expect(() => loadConfig({ SESSION_CREDIT_COST: '-1' })).toThrow(/SESSION_CREDIT_COST/);
    expect(() => loadConfig({ APP_URL: 'not a url' })).toThrow(/APP_URL/);
  });

  it('takes explicit values and trims a trailing slash from URLs', () => {
    const config = loadConfig({
      PORT: '8080',
      APP_URL: 'https://coach.example/',
      TEMPORAL_ADDRESS: 'temporal:7233',
      SESSION_CREDIT_COST: '3',
    });
    expect(config).toMatchObject({
      port: 8080,
      appUrl: 'https://coach.example',
      temporalAddress: 'temporal:7233',
      sessionCreditCost: 3,
    });
  });
});

describe('jwtSecret', () => {
  const secret32 = 'x'.repeat(32);

  it.each(['service', 'development'] as const)(
    'takes a secret of 32 bytes or more (%s)',
    (mode) => {
      expect(jwtSecret(loadConfig({ AUTH_JWT_SECRET: secret32 }), mode)).toBe(secret32);
    },
  );

  it('refuses a service without AUTH_JWT_SECRET, naming it', () => {
    expect(() => jwtSecret(loadConfig({}), 'service')).toThrow(ConfigError);
    expect(() => jwtSecret(loadConfig({ AUTH_JWT_SECRET: '  ' }), 'service')).toThrow(
      /AUTH_JWT_SECRET is required/,
    );
  });

  it('refuses any process with NODE_ENV=production without AUTH_JWT_SECRET', () => {
    expect(() => jwtSecret(loadConfig({ NODE_ENV: 'production' }), 'development')).toThrow(
      /AUTH_JWT_SECRET is required/,
    );
  });

  it('counts UTF-8 bytes, not characters', () => {
    const short = 'é'.repeat(15) + 'a'; // 16 characters, 31 bytes
    expect(() => jwtSecret(loadConfig({ AUTH_JWT_SECRET: short }), 'service')).toThrow(
      'AUTH_JWT_SECRET is too short: 31 bytes, expected at least 32',
    );
    const enough = 'é'.repeat(16); // 16 characters, 32 bytes
    expect(jwtSecret(loadConfig({ AUTH_JWT_SECRET: enough }), 'service')).toBe(enough);
  });

  it('refuses a short secret in development too, since it was meant to be used', () => {
    expect(() => jwtSecret(loadConfig({ AUTH_JWT_SECRET: 'short' }), 'development')).toThrow(
      /AUTH_JWT_SECRET is too short/,
    );
  });

  it('makes up a fresh 32-byte secret for npm start outside production', () => {
    const first = jwtSecret(loadConfig({}), 'development');
    expect(Buffer.byteLength(first, 'utf8')).toBeGreaterThanOrEqual(32);
    expect(jwtSecret(loadConfig({}), 'development')).not.toBe(first);
  });
});
