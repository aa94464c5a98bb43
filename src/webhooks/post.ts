import { lookup } from 'node:dns';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { isPublicAddress } from './address-rules.js';

export interface PostOutcome {
  /** The HTTP status, or null when no answer came. */
  statusCode: number | null;
  durationMs: number;
  /** Why it failed without an answer (never a header or the body). */
  error: string | null;
}

/**
 * Resolves as the connection does and refuses any non-public address at that moment: the address
 * checked is the one connected to, so DNS rebinding between a check and the request cannot reach
 * inside.
 */
const publicOnlyLookup = ((hostname, options, callback) => {
  lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, '', 0);
    const refused = addresses.find((entry) => !isPublicAddress(entry.address));
    if (refused || addresses.length === 0)
      return callback(new Error(`${hostname} resolves to a non-public address`), '', 0);
    if ((options as { all?: boolean }).all) return (callback as AnyCallback)(null, addresses);
    callback(null, addresses[0]!.address, addresses[0]!.family);
  });
}) as LookupFunction;
type AnyCallback = (error: Error | null, addresses: unknown) => void;

/** POSTs a JSON body with the given headers; any answer counts, its body is read and dropped. */
export function postJson(input: {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  publicOnly: boolean;
}): Promise<PostOutcome> {
  const started = performance.now();
  const url = new URL(input.url);
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    const request = send(
      url,
      {
        method: 'POST',
        headers: {
          ...input.headers,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(input.body),
          'user-agent': 'coach-invites-webhooks/1',
        },
        signal: AbortSignal.timeout(input.timeoutMs),
        ...(input.publicOnly ? { lookup: publicOnlyLookup } : {}),
      },
      (response) => {
        response.resume();
        resolve({ statusCode: response.statusCode ?? null, durationMs: elapsed(), error: null });
      },
    );
    request.on('error', (error) => {
      const message =
        error.name === 'AbortError' ? `no answer within ${input.timeoutMs} ms` : error.message;
      resolve({ statusCode: null, durationMs: elapsed(), error: message });
    });
    request.end(input.body);
  });
}
