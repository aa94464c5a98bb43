import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';

/** Everything a logger built like the service's writes, for one call of `log`. */
function output(log: (logger: ReturnType<typeof createLogger>) => void): string {
  let written = '';
  const sink = new Writable({
    write(chunk, _encoding, done) {
      written += String(chunk);
      done();
    },
  });
  const logger = createLogger(sink);
  logger.level = 'info'; // whatever LOG_LEVEL the test run has
  log(logger);
  return written;
}

describe('logger redaction', () => {
  it('never writes the JWT secret, the Resend key or a database password', () => {
    const config = loadConfig({
      AUTH_JWT_SECRET: 'jwt-secret-value-0123456789abcdef',
      RESEND_API_KEY: 're_key_value',
      DATABASE_URL: 'postgres://coach:db-password@db.internal:5432/coach',
    });
    const written = output((logger) => {
      logger.info({ config }, 'config');
      logger.info({ ...config }, 'config fields');
      logger.info({ env: { AUTH_JWT_SECRET: 'jwt-secret-value-0123456789abcdef' } }, 'env');
      logger.info({ secret: 'jwt-secret-value-0123456789abcdef' }, 'secret');
    });
    expect(written).not.toContain('jwt-secret-value');
    expect(written).not.toContain('re_key_value');
    expect(written).not.toContain('db-password');
    // A URL keeps where it points, just not its password.
    expect(written).toContain('postgres://coach:[Redacted]@db.internal:5432/coach');
  });

  it('never writes authorization or cookie headers', () => {
    const written = output((logger) =>
      logger.warn(
        { req: { headers: { authorization: 'Bearer eyJ.token.sig', cookie: 'session=abc123' } } },
        'request',
      ),
    );
    expect(written).not.toContain('eyJ.token.sig');
    expect(written).not.toContain('abc123');
    expect(JSON.parse(written).req.headers).toEqual({
      authorization: '[Redacted]',
      cookie: '[Redacted]',
    });
  });
});
