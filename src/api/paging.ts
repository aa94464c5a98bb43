import { z } from 'zod';
import type { Page, PageKey, PageRequest } from '../db/queries/pages.js';

/** `?limit=` (1–100, default 50) and `?cursor=` (opaque, from the previous page), for every list. */
export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z
    .string()
    .max(200)
    .transform((cursor, ctx) => {
      const key = decodeCursor(cursor);
      if (!key) ctx.addIssue({ code: 'custom', message: 'Not a cursor this API gave out' });
      return key ?? z.NEVER;
    })
    .optional(),
};

/** The page request of a parsed list query. */
export const pageRequest = (query: { limit: number; cursor?: PageKey }): PageRequest => ({
  limit: query.limit,
  ...(query.cursor ? { after: query.cursor } : {}),
});

/** A page as the API answers it: `{ items, nextCursor }`. */
export function pageAnswer<T>({ items, next }: Page<T>) {
  return { items, nextCursor: next ? encodeCursor(next) : null };
}

const encodeCursor = (key: PageKey) =>
  Buffer.from(JSON.stringify([key.at.toISOString(), key.id])).toString('base64url');

function decodeCursor(cursor: string): PageKey | undefined {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    const key = z.object({ at: z.iso.datetime().transform((v) => new Date(v)), id: z.uuid() });
    const parsed = key.safeParse({ at, id });
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
