import { randomUUID } from 'node:crypto';
import { createActivities, type ActivityDeps } from '../../activities/index.js';
import type { Db } from '../../src/db/client.js';
import { applyLedgerChange } from '../../src/db/queries/credits.js';
import { upsertUser } from '../../src/db/queries/users.js';
import { inviteExpiresAt, inviteReminderAt } from '../../src/domain/invite-timing.js';
import type { InviteInput } from '../../src/domain/inputs.js';
import { createEmailService } from '../../src/email/email-service.js';
import { logTransport } from '../../src/email/transport.js';

const HOUR = 3_600_000;

/** A user written straight to the database (no API), with a credit grant for a client. */
export async function seedPerson(
  db: Db,
  role: 'coach' | 'client',
  options: { credits?: number; at?: Date; timezone?: string } = {},
): Promise<string> {
  const id = randomUUID();
  const at = options.at ?? new Date();
  const user = { id, role, name: `${role} ${id.slice(0, 4)}`, email: `${id}@example.com` };
  await upsertUser(db, { ...user, timezone: options.timezone ?? 'Europe/Berlin' }, at);
  if (options.credits) {
    await db.transaction((tx) =>
      applyLedgerChange(tx, {
        userId: id,
        delta: options.credits!,
        reason: 'grant',
        idempotencyKey: `grant:${id}`,
        at: new Date(),
      }),
    );
  }
  return id;
}

/**
 * An invite's workflow input as the API builds it: sent at `sentAt` for a one-hour slot
 * `startsInMs` later, with expiry and reminder worked out by the domain rules.
 */
export function buildInviteInput(
  fields: {
    coachId: string;
    clientId: string;
    sentAt: Date;
    startsInMs: number;
    ttlMs?: number;
    reminderBeforeMs?: number;
  } & Omit<Partial<InviteInput>, 'sentAt'>,
): InviteInput {
  const {
    sentAt,
    startsInMs,
    ttlMs = 7 * 24 * HOUR,
    reminderBeforeMs = 24 * HOUR,
    ...rest
  } = fields;
  const startsAt = new Date(sentAt.getTime() + startsInMs);
  const expiresAt = inviteExpiresAt({ sentAt, ttlMs, startsAt });
  return {
    inviteId: randomUUID(),
    kind: 'new',
    sessionId: null,
    originalSlot: null,
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + HOUR).toISOString(),
    creditCost: 1,
    message: null,
    sentAt: sentAt.toISOString(),
    expiresAt: expiresAt.toISOString(),
    reminderAt: inviteReminderAt({ sentAt, expiresAt, reminderBeforeMs })?.toISOString() ?? null,
    sessionPolicy: {
      cancellationWindowMs: 24 * HOUR,
      questionnaireRemindersMs: [72 * HOUR, 24 * HOUR],
    },
    leanFlow: true,
    acceptanceStartsSession: true,
    ...rest,
  };
}

/**
 * The worker's activities over a test database, with emails logged and the system clock; with no
 * Temporal here, an acceptance asked to start its session's workflow fails.
 */
export function activitiesOver(db: Db, extra: Partial<ActivityDeps> = {}) {
  const clock = () => new Date();
  const email = createEmailService({
    db,
    transport: logTransport(() => {}),
    from: 'x@example.com',
    clock,
  });
  return createActivities({
    db,
    email,
    clock,
    appUrl: 'https://app.example.com',
    authJwtSecret: 'test-secret-for-sign-in-links-only',
    startSessionWorkflow: () => Promise.reject(new Error('activitiesOver runs without Temporal')),
    ...extra,
  });
}
