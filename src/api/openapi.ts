import { z } from 'zod';
import { PROBLEMS } from './problems.js';
import { ANSWERS } from './answer-schemas.js';
import { ANSWER_OF } from './operation-answers.js';
import { OPERATIONS, type Operation } from './operations.js';
import { SESSION_COOKIE } from '../auth/session-tokens.js';

const problemSchema = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail', 'code'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    code: { type: 'string', enum: Object.keys(PROBLEMS) },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        properties: { path: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
};

const idempotencyKeyParameter = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description:
    'A retry by the same caller with the same key and body answers the first answer again ' +
    '(with `Idempotent-Replayed: true`) and creates nothing; the same key with another body or ' +
    'route answers 422 idempotency_key_reused. Keys are kept at least 24 hours.',
  schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x20-\\x7E]+$' },
};

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output' = 'input') => {
  // The document's own dialect (3.1) applies; a `$schema` per schema only confuses generators.
  const json: Record<string, unknown> = z.toJSONSchema(schema, { io, unrepresentable: 'any' });
  delete json.$schema;
  return json;
};

/** The success answer: a named schema, or for 202, 204 and 303 no body at all. */
function successAnswer(op: Operation) {
  const name = ANSWER_OF[`${op.method} ${op.path}`];
  if (name) {
    const schema = { $ref: `#/components/schemas/${name}` };
    return { description: 'Success', content: { 'application/json': { schema } } };
  }
  if (op.produces) {
    const schema = { type: 'string' };
    return { description: op.produces.description, content: { [op.produces.type]: { schema } } };
  }
  if (op.success === 303) {
    return {
      description: 'See `Location`; a good link also sets the session cookie',
      headers: {
        Location: { schema: { type: 'string' }, description: 'An app path' },
        'Set-Cookie': { schema: { type: 'string' }, description: `${SESSION_COOKIE}=...` },
      },
    };
  }
  return { description: op.success === 202 ? 'Accepted' : 'No content' };
}

const rateLimited = {
  headers: { 'Retry-After': { schema: { type: 'integer' }, description: 'Seconds to wait' } },
};

/** One route's entry in the document: its parameters, body and answers. */
function operationObject(op: Operation) {
  const statuses = [...new Set(op.errors.map((code) => PROBLEMS[code].status))];
  const parameters = [
    ...[...op.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
      name,
      in: 'path',
      required: true,
      schema: op.pathParams?.[name!] ?? { type: 'string', format: 'uuid' },
    })),
    ...(op.idempotent ? [idempotencyKeyParameter] : []),
    ...Object.entries(op.query ? (jsonSchema(op.query).properties ?? {}) : {}).map(
      ([name, schema]) => ({ name, in: 'query', required: false, schema }),
    ),
  ];
  const problem = {
    'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } },
  };
  return {
    summary: op.summary,
    description: `Who: ${op.roles}.${op.notes ? ` ${op.notes}` : ''}`,
    ...(op.public ? { security: [] } : {}),
    ...(parameters.length ? { parameters } : {}),
    ...(op.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: jsonSchema(op.body) } },
          },
        }
      : {}),
    responses: {
      [op.success]: successAnswer(op),
      ...(op.alsoSuccess
        ? { [op.alsoSuccess.status]: { ...successAnswer(op), ...op.alsoSuccess } }
        : {}),
      ...Object.fromEntries(
        statuses.map((status) => [
          status,
          {
            description: op.errors.filter((code) => PROBLEMS[code].status === status).join(', '),
            content: problem,
            ...(status === 429 ? { headers: rateLimited.headers } : {}),
          },
        ]),
      ),
    },
  };
}

export function openApiDocument(serverUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) {
    paths[op.path] ??= {};
    paths[op.path]![op.method] = operationObject(op);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'coach-invites',
      version: '1.0.0',
      description:
        'Session invites between coaches and clients. No text in a body, query or path (object ' +
        'keys included) may hold control characters other than tab and line feed, nor unpaired ' +
        'surrogates (400 validation_failed naming the field); a CRLF line break is read as LF.',
    },
    servers: [{ url: serverUrl }],
    security: [{ bearer: [] }, { sessionCookie: [] }],
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
        sessionCookie: {
          type: 'apiKey',
          in: 'cookie',
          name: SESSION_COOKIE,
          description:
            'The web app’s session (HttpOnly, SameSite=Lax, Secure when APP_URL is https), set by ' +
            'GET /auth/link. A POST, PUT, PATCH or DELETE by cookie must come from APP_URL’s ' +
            'origin (Origin, else Referer), or it answers 403 cross_site_request.',
        },
      },
      schemas: {
        Problem: problemSchema,
        ...Object.fromEntries(
          Object.entries(ANSWERS).map(([name, schema]) => [name, jsonSchema(schema, 'output')]),
        ),
      },
    },
    paths,
  };
}
