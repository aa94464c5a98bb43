import { z } from 'zod';
import { INVITE_STATUSES, PARTIES, SESSION_STATUSES } from '../domain/model.js';
import { isTimeZone } from '../domain/time-format.js';
import { namePageQuery } from './name-paging.js';
import { pageQuery } from './paging.js';

export const idParams = z.object({ id: z.uuid() }).strict();

const isoTime = z.iso.datetime({ offset: true }).transform((value) => new Date(value));

export const putUserBody = z
  .object({
    role: z.enum(PARTIES),
    name: z.string().trim().min(1).max(200),
    email: z.email().max(320),
    timezone: z.string().refine(isTimeZone, 'Must be an IANA time zone such as Europe/Berlin'),
  })
  .strict();

export const grantCreditsBody = z
  .object({
    amount: z.int().positive().max(100_000),
    reason: z.string().trim().max(500).optional(),
    idempotencyKey: z.string().trim().min(1).max(200).optional(),
  })
  .strict();

export const createInviteBody = z
  .object({
    clientId: z.uuid(),
    startsAt: isoTime,
    endsAt: isoTime,
    message: z.string().trim().max(2_000).optional(),
  })
  .strict();

export const inviteListQuery = z
  .object({ status: z.enum(INVITE_STATUSES).optional(), ...pageQuery })
  .strict();

export const acceptBody = z.object({}).strict();
export const cancelInviteBody = z.object({}).strict();

export const declineBody = z
  .object({
    reason: z.string().trim().max(1_000).optional(),
    rebook: z.boolean().optional(),
  })
  .strict();

export const sessionListQuery = z
  .object({ status: z.enum(SESSION_STATUSES).optional(), ...pageQuery })
  .strict();

export const cancelSessionBody = z
  .object({ reason: z.string().trim().max(1_000).optional() })
  .strict();

export const rescheduleBody = z
  .object({ startsAt: isoTime, endsAt: isoTime, message: z.string().trim().max(2_000).optional() })
  .strict();

const answerValue = z.union([
  z.string().max(5_000),
  z.number(),
  z.boolean(),
  z.null(),
  z.array(z.string().max(1_000)).max(50),
]);

export const questionnaireBody = z
  .object({
    answers: z
      .record(z.string().min(1).max(100), answerValue)
      .refine((answers) => Object.keys(answers).length <= 50, 'At most 50 answers'),
  })
  .strict();

export const notificationListQuery = z
  .object({ unread: z.enum(['true', 'false']).optional(), ...pageQuery })
  .strict();

export const emailLinkBody = z
  .object({
    email: z.email().max(320),
    next: z
      .string()
      .max(2_000)
      .optional()
      .describe('The app path to land on after signing in; anything else lands on /'),
  })
  .strict();

export const signInLinkQuery = z.object({
  token: z.string().max(4_096).optional().describe('The sign-in token from the email'),
  next: z.string().max(2_000).optional().describe('An app path; anything else lands on /'),
});

export const coachClientParams = z.object({ coachId: z.uuid(), clientId: z.uuid() }).strict();

export const clientListQuery = z.object({ ...namePageQuery }).strict();
