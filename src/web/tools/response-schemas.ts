/**
 * Interim: the answers the web app reads, for routes whose entry in the service's OpenAPI document
 * does not describe its JSON answer yet (`schema: {}`), or is missing. Each is taken word for word
 * from ../shared/spec/api.md. `generate-api-types.ts` applies an entry only where the document is
 * silent, so as soon as src/api describes an answer itself, the document wins and the entry here is
 * dead (the generator lists them; delete them then).
 */
const string = { type: 'string' } as const;
const nullableString = { type: ['string', 'null'] } as const;
const integer = { type: 'integer' } as const;
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const object = (properties: Record<string, unknown>, optional: string[] = []) => ({
  type: 'object',
  required: Object.keys(properties).filter((key) => !optional.includes(key)),
  properties,
});
const page = (item: string, extra: Record<string, unknown> = {}) =>
  object({ items: { type: 'array', items: ref(item) }, nextCursor: nullableString, ...extra });

export const COMPONENTS: Record<string, unknown> = {
  Me: object(
    {
      id: string,
      role: { enum: ['coach', 'client', 'operator'] },
      name: string,
      email: string,
      timezone: string,
      balance: integer,
    },
    ['balance'],
  ),
  Coach: object({ id: string, name: string, email: string, timezone: string }),
  Invite: object({
    id: string,
    kind: { enum: ['new', 'reschedule'] },
    coachId: string,
    clientId: string,
    sessionId: nullableString,
    startsAt: string,
    endsAt: string,
    creditCost: integer,
    message: nullableString,
    status: { enum: ['pending', 'accepted', 'declined', 'expired', 'cancelled'] },
    expiresAt: string,
    createdAt: string,
    respondedAt: nullableString,
    declineReason: nullableString,
    workflowId: string,
  }),
  Session: object({
    id: string,
    coachId: string,
    clientId: string,
    startsAt: string,
    endsAt: string,
    status: { enum: ['booked', 'cancelled', 'completed'] },
    creditCost: integer,
    inviteId: string,
    questionnaire: object({
      status: { enum: ['pending', 'submitted'] },
      submittedAt: nullableString,
    }),
    cancellation: {
      oneOf: [
        { type: 'null' },
        object({ by: { enum: ['coach', 'client'] }, at: string, refundedCredits: integer }),
      ],
    },
    cancellationTerms: {
      oneOf: [{ type: 'null' }, object({ refundedCredits: integer, refundUntil: nullableString })],
    },
  }),
  Question: object(
    {
      id: string,
      label: string,
      kind: { enum: ['text', 'longText', 'choice', 'scale'] },
      options: { type: 'array', items: string },
      required: { type: 'boolean' },
    },
    ['options'],
  ),
  Questionnaire: object({
    status: { enum: ['pending', 'submitted'] },
    questions: { type: 'array', items: ref('Question') },
    answers: { type: ['object', 'null'], additionalProperties: {} },
    submittedAt: nullableString,
  }),
  Notification: object({
    id: string,
    type: string,
    title: string,
    body: string,
    link: nullableString,
    createdAt: string,
    readAt: nullableString,
  }),
};

/** Success answers by `"<method> <path>"`: their status and JSON schema. */
export const ANSWERS: Record<string, { status: number; schema: unknown }> = {
  'get /v1/me': { status: 200, schema: ref('Me') },
  'get /v1/coaches/{id}': { status: 200, schema: ref('Coach') },
  'get /v1/invites': { status: 200, schema: page('Invite') },
  'get /v1/invites/{id}': { status: 200, schema: ref('Invite') },
  'post /v1/invites/{id}/accept': {
    status: 200,
    schema: object({
      invite: ref('Invite'),
      session: ref('Session'),
      next: object({ type: { const: 'questionnaire' }, url: string }),
    }),
  },
  'post /v1/invites/{id}/decline': {
    status: 200,
    schema: object({
      invite: ref('Invite'),
      next: { oneOf: [{ type: 'null' }, object({ type: { const: 'rebook' }, url: string })] },
    }),
  },
  'get /v1/sessions': { status: 200, schema: page('Session') },
  'get /v1/sessions/{id}': { status: 200, schema: ref('Session') },
  'post /v1/sessions/{id}/cancel': {
    status: 200,
    schema: object({ session: ref('Session'), refundedCredits: integer }),
  },
  'get /v1/sessions/{id}/questionnaire': { status: 200, schema: ref('Questionnaire') },
  'put /v1/sessions/{id}/questionnaire': { status: 200, schema: ref('Questionnaire') },
  'get /v1/notifications': { status: 200, schema: page('Notification', { unreadCount: integer }) },
  'post /v1/notifications/{id}/read': { status: 200, schema: ref('Notification') },
};

/** Sign-in routes the web app calls, for as long as the document does not list them. */
export const MISSING_OPERATIONS: Record<string, unknown> = {
  'post /v1/auth/email-link': {
    summary: 'Email a sign-in link',
    security: [],
    requestBody: {
      required: true,
      content: {
        'application/json': { schema: object({ email: string, next: string }, ['next']) },
      },
    },
    responses: { 202: { description: 'Accepted' } },
  },
  'post /v1/auth/signout': {
    summary: 'End the browser session',
    responses: { 204: { description: 'Signed out' } },
  },
};
