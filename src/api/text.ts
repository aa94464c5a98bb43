import type { RequestHandler } from 'express';
import { ApiError, type FieldError } from './problems.js';

/**
 * Control characters other than tab and line feed, and unpaired UTF-16 surrogates (what
 * `String.prototype.isWellFormed` refuses): PostgreSQL stores neither NUL nor unpaired surrogates,
 * and no field of this API has a use for the rest.
 */
const UNSAFE = /(?![\t\n])[\p{Cc}\p{Cs}]/u;
const UNSAFE_TEXT =
  'must not contain control characters other than tab and line feed, nor unpaired surrogates';
/** Far deeper than any request of this API; walking deeper could overflow the stack. */
const MAX_DEPTH = 32;

/**
 * The request text rule, for every string and object key of a body, query or path: a CRLF line
 * break is read as LF, and anything else `UNSAFE` matches is refused, naming the field.
 */
export function cleanText(
  value: unknown,
  location: string,
): { value: unknown; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const clean = (text: string, path: string, what: string) => {
    const cleaned = text.replaceAll('\r\n', '\n');
    if (UNSAFE.test(cleaned)) errors.push({ path, message: `${what} ${UNSAFE_TEXT}` });
    return cleaned;
  };
  const walk = (node: unknown, path: string, depth: number): unknown => {
    if (typeof node === 'string') return clean(node, path, 'Text');
    if (!node || typeof node !== 'object') return node;
    if (depth > MAX_DEPTH) {
      errors.push({ path, message: `Must not nest deeper than ${MAX_DEPTH} levels` });
      return node;
    }
    if (Array.isArray(node))
      return node.map((item, index) => walk(item, `${path}.${index}`, depth + 1));
    return Object.fromEntries(
      Object.entries(node).map(([key, item]) => [
        clean(key, `${path}.${key}`, 'The key'),
        walk(item, `${path}.${key}`, depth + 1),
      ]),
    );
  };
  return { value: walk(value, location, 0), errors };
}

/**
 * Applies the text rule to every request's body and query, read by its route or not. Path
 * parameters are decoded per route, so `parse` applies the rule to them.
 */
export const refuseUnsafeText: RequestHandler = (req, _res, next) => {
  const body = cleanText(req.body, 'body');
  // Only the errors count here: no query parameter accepts line breaks at all.
  const errors = [...body.errors, ...cleanText(req.query, 'query').errors];
  if (errors.length)
    throw new ApiError('validation_failed', 'The request holds text that is not accepted.', errors);
  req.body = body.value;
  next();
};
