import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export interface ReceivedWebhook {
  id: string;
  timestamp: string;
  type: string;
  body: { type: string; timestamp: string; data: Record<string, any> };
  /** What the receiver answered. */
  status: number;
}

/**
 * A test endpoint: verifies every request with standardwebhooks' own `Webhook.verify` (a request
 * that fails it is answered 400 and kept in `refused`), answers each verified one with the next
 * status of `answers` (200 once they run out), and can go down and come back on the same port.
 */
export async function startWebhookReceiver() {
  let secret = '';
  const answers: number[] = [];
  const received: ReceivedWebhook[] = [];
  const refused: string[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const payload = Buffer.concat(chunks).toString('utf8');
      const headers = {
        'webhook-id': String(req.headers['webhook-id']),
        'webhook-timestamp': String(req.headers['webhook-timestamp']),
        'webhook-signature': String(req.headers['webhook-signature']),
      };
      let body: ReceivedWebhook['body'];
      try {
        body = new Webhook(secret).verify(payload, headers) as ReceivedWebhook['body'];
      } catch (error) {
        refused.push((error as Error).message);
        res.writeHead(400).end();
        return;
      }
      const status = answers.shift() ?? 200;
      received.push({
        id: headers['webhook-id'],
        timestamp: headers['webhook-timestamp'],
        type: body.type,
        body,
        status,
      });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    refused,
    /** The endpoint's secret, from its registration. */
    useSecret: (value: string) => {
      secret = value;
    },
    /** The next answers, in order (then 200). */
    answerWith: (...statuses: number[]) => {
      answers.push(...statuses);
    },
    /** Verified deliveries of one type whose data has this id, in arrival order. */
    of: (type: string, dataId: string) =>
      received.filter((hook) => hook.type === type && hook.body.data.id === dataId),
    down: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
    up: () => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve)),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export type WebhookReceiver = Awaited<ReturnType<typeof startWebhookReceiver>>;
