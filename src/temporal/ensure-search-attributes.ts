import type { ConnectionLike } from '@temporalio/client';
import proto from '@temporalio/proto';
import { SEARCH_ATTRIBUTES } from './search-attributes.js';

type Connection = Pick<ConnectionLike, 'operatorService'>;

const INDEXED_TYPE = {
  KEYWORD: proto.temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
  DATETIME: proto.temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_DATETIME,
} as const;

/** gRPC status codes (grpc/status.h). */
const status = { ALREADY_EXISTS: 6, UNIMPLEMENTED: 12 } as const;
const grpcCode = (error: unknown) => (error as { code?: number }).code;

async function registered(connection: Connection, namespace: string): Promise<Set<string> | null> {
  try {
    const existing = await connection.operatorService.listSearchAttributes({ namespace });
    return new Set([
      ...Object.keys(existing.customAttributes ?? {}),
      ...Object.keys(existing.systemAttributes ?? {}),
    ]);
  } catch (error) {
    // The time-skipping test server can add search attributes but not list them.
    if (grpcCode(error) === status.UNIMPLEMENTED) return null;
    throw error;
  }
}

/** Registers this service's search attributes on a server that lacks them (a no-op otherwise). */
export async function ensureSearchAttributes(
  connection: Connection,
  namespace: string,
): Promise<void> {
  const known = await registered(connection, namespace);
  const missing = SEARCH_ATTRIBUTES.filter((key) => !known?.has(key.name));
  if (missing.length === 0) return;
  try {
    await connection.operatorService.addSearchAttributes({
      namespace,
      searchAttributes: Object.fromEntries(
        missing.map((key) => [key.name, INDEXED_TYPE[key.type as keyof typeof INDEXED_TYPE]]),
      ),
    });
  } catch (error) {
    if (grpcCode(error) !== status.ALREADY_EXISTS) throw error;
  }
}

/** The dev server's `--search-attribute` arguments for the same set. */
export function devServerSearchAttributeArgs(): string[] {
  return SEARCH_ATTRIBUTES.flatMap((key) => [
    '--search-attribute',
    `${key.name}=${key.type === 'DATETIME' ? 'Datetime' : 'Keyword'}`,
  ]);
}
