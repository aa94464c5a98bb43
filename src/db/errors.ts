/** The SQLSTATE of a PostgreSQL error, also when drizzle wraps it. */
export function pgErrorCode(error: unknown): string | undefined {
  for (
    let current = error;
    current && typeof current === 'object';
    current = (current as { cause?: unknown }).cause
  ) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

export const EXCLUSION_VIOLATION = '23P01';
export const UNIQUE_VIOLATION = '23505';

/** SQLSTATE classes no retry can fix: the data itself (22) or an integrity constraint (23). */
export const isPermanentDataError = (error: unknown) => /^2[23]/.test(pgErrorCode(error) ?? '');

/** A row that an activity needs does not exist: retrying will not make it appear. */
export class RecordMissingError extends Error {
  override name = 'RecordMissingError';
}
