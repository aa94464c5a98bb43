import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailLog } from '../../src/db/schema.js';
import { createEmailService, type EmailRequest } from '../../src/email/email-service.js';
import { logTransport, resendTransport, TransientEmailError } from '../../src/email/transport.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { startFakeResend, type FakeResend } from '../support/fake-resend.js';

let database: TestDatabase;
let resend: FakeResend;
const clock = () => new Date('2026-12-01T09:00:00.000Z');

beforeAll(async () => {
  database = await createTestDatabase();
  resend = await startFakeResend();
});
afterAll(async () => {
  await resend.close();
  await database.drop();
});

const request = (to = `${randomUUID()}@example.com`): EmailRequest => ({
  idempotencyKey: `test:${randomUUID()}`,
  template: 'test',
  recipientId: null,
  to,
  subject: 'Hello',
  text: 'Hello there\n',
  html: '<p>Hello there</p>',
});
const logRow = async (key: string) =>
  (await database.db.select().from(emailLog).where(eq(emailLog.idempotencyKey, key)))[0];
const service = () =>
  createEmailService({
    db: database.db,
    transport: resendTransport('re_test', resend.url),
    from: 'Coaching <sessions@example.com>',
    clock,
  });

describe('Resend transport', () => {
  it('sends through the real SDK with the email’s idempotency key and records it', async () => {
    const email = request();
    expect(await service().send(email)).toBe('sent');
    const [received] = resend.deliveredTo(email.to);
    expect(received?.idempotencyKey).toBe(email.idempotencyKey);
    expect(received?.headers.authorization).toBe('Bearer re_test');
    expect(received?.body).toMatchObject({
      from: 'Coaching <sessions@example.com>',
      subject: 'Hello',
      text: 'Hello there\n',
    });
    expect(await logRow(email.idempotencyKey)).toMatchObject({
      status: 'sent',
      transport: 'resend',
      attempts: 1,
    });
  });

  it('never sends a second copy when asked again with the same key', async () => {
    const email = request();
    await service().send(email);
    expect(await service().send(email)).toBe('already_sent');
    expect(resend.received.filter((r) => r.idempotencyKey === email.idempotencyKey)).toHaveLength(
      1,
    );
  });

  it('throws a retryable error on 500 and 429, then sends once on the retry', async () => {
    const email = request();
    resend.failNext(500);
    await expect(service().send(email)).rejects.toBeInstanceOf(TransientEmailError);
    resend.failNext(429);
    await expect(service().send(email)).rejects.toBeInstanceOf(TransientEmailError);
    expect(await logRow(email.idempotencyKey)).toMatchObject({
      status: 'pending',
      error: expect.stringMatching(/429/),
    });
    expect(await service().send(email)).toBe('sent');
    expect(resend.deliveredTo(email.to)).toHaveLength(1);
    expect(await logRow(email.idempotencyKey)).toMatchObject({ status: 'sent', attempts: 3 });
  });

  it('retries with the message stored for its key, not a newly rendered one', async () => {
    const first = request();
    resend.failNext(500);
    await expect(service().send(first)).rejects.toBeInstanceOf(TransientEmailError);
    const rerendered = { ...first, subject: 'Moved', text: 'Now at 16:00\n', html: '<p>16:00</p>' };
    expect(await service().send(rerendered)).toBe('sent');
    const sends = resend.received.filter((r) => r.idempotencyKey === first.idempotencyKey);
    expect(sends.map((r) => [r.status, r.body.subject, r.body.text])).toEqual([
      [500, 'Hello', 'Hello there\n'],
      [200, 'Hello', 'Hello there\n'],
    ]);
    expect(await logRow(first.idempotencyKey)).toMatchObject({ status: 'sent', subject: 'Hello' });
  });

  it('gives up on a Resend that answers nothing, as a retryable error', async () => {
    const email = request();
    resend.failNext(0);
    const slow = createEmailService({
      db: database.db,
      transport: resendTransport('re_test', resend.url, 300),
      from: 'Coaching <sessions@example.com>',
      clock,
    });
    await expect(slow.send(email)).rejects.toBeInstanceOf(TransientEmailError);
    expect(await logRow(email.idempotencyKey)).toMatchObject({ status: 'pending' });
    expect(await slow.send(email)).toBe('sent');
  });

  it('records a permanent rejection as failed and does not try again', async () => {
    const email = request();
    resend.failNext(422);
    expect(await service().send(email)).toBe('failed');
    expect(await service().send(email)).toBe('already_failed');
    expect(await logRow(email.idempotencyKey)).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/422/),
    });
    expect(resend.received.filter((r) => r.idempotencyKey === email.idempotencyKey)).toHaveLength(
      1,
    );
  });
});

describe('log transport', () => {
  it('records and prints the email without sending it', async () => {
    const printed: string[] = [];
    const email = request();
    const before = resend.received.length;
    const logService = createEmailService({
      db: database.db,
      transport: logTransport((line) => printed.push(line)),
      from: 'x@example.com',
      clock,
    });
    expect(await logService.send(email)).toBe('sent');
    expect(printed.join('\n')).toContain(email.to);
    expect(await logRow(email.idempotencyKey)).toMatchObject({
      status: 'sent',
      transport: 'log',
      text: 'Hello there\n',
    });
    expect(resend.received.length).toBe(before);
  });
});
