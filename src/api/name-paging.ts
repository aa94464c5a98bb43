import { z } from 'zod';
import type { NameKey } from '../db/queries/coach-clients.js';
import { pageQuery } from './paging.js';

/**
 * `?limit=` and `?cursor=` for lists in (name, id) order, such as a coach's clients; the cursor is
 * opaque to callers like every other list's.
 */
export const namePageQuery = {
  limit: pageQuery.limit,
  cursor: z
    .string()
    .max(1_000)
    .transform((cursor, ctx) => {
      const key = decodeNameCursor(cursor);
      if (!key) ctx.addIssue({ code: 'custom', message: 'Not a cursor this API gave out' });
      return key ?? z.NEVER;
    })
    .optional(),
};

export const encodeNameCursor = (key: NameKey) =>
  Buffer.from(JSON.stringify(['name', key.name, key.id])).toString('base64url');

function decodeNameCursor(cursor: string): NameKey | undefined {
  try {
    const [kind, name, id] = JSON.parse(
      Buffer.from(cursor, 'base64url').toString('utf8'),
    ) as unknown[];
    const key = z.object({ name: z.string().max(200), id: z.uuid() });
    const parsed = key.safeParse({ name, id });
    return kind === 'name' && parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
