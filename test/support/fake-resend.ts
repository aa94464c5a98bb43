import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedEmail {
  headers: IncomingHttpHeaders;
  body: {
    from: string;
    to: string | string[];
    subject: string;
    text: string;
    html: string;
    /** As Resend's API receives them: content in base64. */
    attachments?: { filename: string; content: string; content_type?: string }[];
  };
  idempotencyKey: string | undefined;
  status: number;
}

/**
 * A small stand-in for Resend's HTTP API (POST /emails), so the real SDK does its real requests.
 * Answers are 200 unless queued with `failNext` (0: no answer at all); a key seen before gets the
 * first answer's id, as Resend's idempotency does.
 */
export async function startFakeResend() {
  const received: ReceivedEmail[] = [];
  const queued: number[] = [];
  let usualStatus = 200;
  const ids = new Map<string, string>();
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    req.on('end', () => {
      const status = queued.shift() ?? usualStatus;
      const key = req.headers['idempotency-key'] as string | undefined;
      received.push({
        headers: req.headers,
        body: JSON.parse(raw || '{}'),
        idempotencyKey: key,
        status,
      });
      res.setHeader('content-type', 'application/json');
      if (req.method !== 'POST' || req.url !== '/emails') {
        res.statusCode = 404;
        return res.end(
          JSON.stringify({ statusCode: 404, name: 'not_found', message: 'Unknown route' }),
        );
      }
      if (status === 0) return;
      if (status !== 200) {
        res.statusCode = status;
        const name =
          status === 429
            ? 'rate_limit_exceeded'
            : status >= 500
              ? 'internal_server_error'
              : 'validation_error';
        return res.end(JSON.stringify({ statusCode: status, name, message: `fake ${status}` }));
      }
      const id = (key && ids.get(key)) ?? randomUUID();
      if (key) ids.set(key, id);
      res.end(JSON.stringify({ id }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    /** Accepted sends (status 200) to one address. */
    deliveredTo: (to: string) =>
      received.filter((email) => email.status === 200 && [email.body.to].flat().includes(to)),
    failNext: (...statuses: number[]) => queued.push(...statuses),
    /** What every request without a queued answer gets, until set back to 200. */
    answerAlways: (status: number) => {
      usualStatus = status;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** An email's attachments as their files hold them. */
export function attachmentsOf(email: ReceivedEmail) {
  return (email.body.attachments ?? []).map((file) => ({
    filename: file.filename,
    contentType: file.content_type,
    text: Buffer.from(file.content, 'base64').toString('utf8'),
  }));
}

export type FakeResend = Awaited<ReturnType<typeof startFakeResend>>;
