import { createHash, randomUUID } from 'node:crypto';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ResendMode = 'ok' | 429 | 500 | 'hang';

export interface ResendRequest {
  at: number;
  key: string | undefined;
  to: string;
  subject: string;
  /** A hash of what the recipient would read: one key must always carry the same content. */
  content: string;
  /** The HTTP status answered, or `reset` for a request held without an answer and then dropped. */
  answer: number | 'reset';
}

/**
 * Resend's POST /emails as the chaos run needs it: answers 200 (the first id again for a key it
 * has seen with the same content, 409 for a key reused with other content, as Resend does), or
 * 429, 500 or nothing for a stretch. Requests held during a `hang` stretch are dropped when it
 * ends, as a connection that times out would be.
 */
export async function startChaosResend() {
  const log: ResendRequest[] = [];
  const firstAnswer = new Map<string, { content: string; id: string }>();
  const held = new Set<{ res: ServerResponse; entry: ResendRequest }>();
  let mode: ResendMode = 'ok';

  const answer = (res: ServerResponse, status: number, body: object) => {
    res.statusCode = status;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(body));
  };

  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/emails')
        return answer(res, 404, { statusCode: 404, name: 'not_found', message: 'Unknown route' });
      const body = JSON.parse(raw || '{}') as Record<string, unknown>;
      const key = req.headers['idempotency-key'] as string | undefined;
      const content = createHash('sha256')
        .update(JSON.stringify([body.from, body.to, body.subject, body.text, body.html]))
        .digest('hex');
      const entry: ResendRequest = {
        at: Date.now(),
        key,
        to: [body.to].flat().join(','),
        subject: String(body.subject ?? ''),
        content,
        answer: 200,
      };
      log.push(entry);
      if (mode === 'hang') {
        entry.answer = 'reset';
        held.add({ res, entry });
        return;
      }
      if (mode !== 'ok') {
        entry.answer = mode;
        const name = mode === 429 ? 'rate_limit_exceeded' : 'internal_server_error';
        return answer(res, mode, { statusCode: mode, name, message: `chaos ${mode}` });
      }
      const first = key ? firstAnswer.get(key) : undefined;
      if (first && first.content !== content) {
        entry.answer = 409;
        return answer(res, 409, {
          statusCode: 409,
          name: 'invalid_idempotent_request',
          message: 'Same idempotency key used with a different request payload.',
        });
      }
      const id = first?.id ?? randomUUID();
      if (key && !first) firstAnswer.set(key, { content, id });
      answer(res, 200, { id });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const dropHeld = () => {
    for (const { res } of held) res.destroy();
    held.clear();
  };

  return {
    url: `http://127.0.0.1:${port}`,
    log,
    get mode() {
      return mode;
    },
    setMode(next: ResendMode) {
      mode = next;
      if (next !== 'hang') dropHeld();
    },
    heldCount: () => held.size,
    close: () =>
      new Promise<void>((resolve) => {
        dropHeld();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type ChaosResend = Awaited<ReturnType<typeof startChaosResend>>;
