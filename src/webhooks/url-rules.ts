import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { isPublicAddress } from './address-rules.js';

export type Resolve = (host: string) => Promise<string[]>;

const resolveAll: Resolve = async (host) =>
  (await lookup(host, { all: true, verbatim: true })).map((entry) => entry.address);

/**
 * Why a webhook URL may not be used, or null when it may: always http(s) without credentials; in
 * production https only, and every address its host resolves to must be public. Checked at
 * registration and again before each delivery (and the delivery's own connection checks the address
 * it connects to), so a host that later resolves inside cannot be reached.
 */
export async function webhookUrlProblem(
  raw: string,
  options: { production: boolean; resolve?: Resolve },
): Promise<string | null> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'not a URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'not an http(s) URL';
  if (url.username || url.password) return 'a URL with credentials';
  if (!options.production) return null;
  if (url.protocol !== 'https:') return 'not an https URL (NODE_ENV=production)';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : await (options.resolve ?? resolveAll)(host);
  } catch {
    return 'a host that does not resolve';
  }
  if (addresses.length === 0) return 'a host that does not resolve';
  if (!addresses.every(isPublicAddress)) return 'a host with a private or loopback address';
  return null;
}
