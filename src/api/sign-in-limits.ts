import { countSignInRequest, forgetSignInRequestsBefore } from '../db/queries/sign-in-requests.js';
import type { Db } from '../db/client.js';

/** Sign-in emails asked for, per fixed window: few per address (a mailbox is not flooded), more per IP (offices share one). */
export const SIGN_IN_LIMITS = { windowMs: 15 * 60_000, perAddress: 5, perIp: 20 } as const;

/**
 * Counts this request for its address and its IP in PostgreSQL (so every API replica sees the
 * same counts); over either limit it answers the seconds until the window ends. Unknown addresses
 * count like known ones, so the answer never tells which addresses exist.
 */
export async function limitSignInRequests(
  db: Db,
  input: { email: string; ip: string; now: Date },
): Promise<{ ok: true } | { ok: false; retryAfterSeconds: number }> {
  const { windowMs, perAddress, perIp } = SIGN_IN_LIMITS;
  const windowStart = new Date(Math.floor(input.now.getTime() / windowMs) * windowMs);
  const byAddress = await countSignInRequest(db, `email:${input.email.toLowerCase()}`, windowStart);
  const byIp = await countSignInRequest(db, `ip:${input.ip}`, windowStart);
  // Keys never seen again leave their rows: the first request of an IP in a window sweeps them.
  if (byIp === 1) await forgetSignInRequestsBefore(db, windowStart);
  if (byAddress <= perAddress && byIp <= perIp) return { ok: true };
  const retryAfter = Math.ceil((windowStart.getTime() + windowMs - input.now.getTime()) / 1000);
  return { ok: false, retryAfterSeconds: Math.max(1, retryAfter) };
}
