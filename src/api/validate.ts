import type { z } from 'zod';
import { ApiError, zodFieldErrors } from './problems.js';
import { cleanText } from './text.js';

type Location = 'body' | 'params' | 'query';

/**
 * Parses one part of a request with its zod schema, after the request text rule, or throws
 * `validation_failed` naming the fields.
 */
export function parse<S extends z.ZodType>(
  schema: S,
  value: unknown,
  location: Location,
): z.output<S> {
  const text = cleanText(value ?? {}, location);
  if (text.errors.length)
    throw new ApiError('validation_failed', `The request ${location} is invalid.`, text.errors);
  const result = schema.safeParse(text.value);
  if (result.success) return result.data;
  throw new ApiError(
    'validation_failed',
    `The request ${location} is invalid.`,
    zodFieldErrors(result.error, location),
  );
}
