import type { z } from 'zod';
import { ApiError, zodFieldErrors } from './problems.js';

type Location = 'body' | 'params' | 'query';

/** Parses one part of a request with its zod schema, or throws `validation_failed` naming the fields. */
export function parse<S extends z.ZodType>(
  schema: S,
  value: unknown,
  location: Location,
): z.output<S> {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  throw new ApiError(
    'validation_failed',
    `The request ${location} is invalid.`,
    zodFieldErrors(result.error, location),
  );
}
