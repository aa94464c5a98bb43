import type { InviteView, SessionView } from '../../domain/views.js';
import type { invites, questionnaires, sessions } from '../schema.js';

type InviteRow = typeof invites.$inferSelect;
type SessionRow = typeof sessions.$inferSelect;
type QuestionnaireRow = Pick<typeof questionnaires.$inferSelect, 'status' | 'submittedAt'>;

const iso = (at: Date) => at.toISOString();
const isoOrNull = (at: Date | null) => (at ? at.toISOString() : null);

export function toInviteView(row: InviteRow): InviteView {
  return {
    id: row.id,
    kind: row.kind,
    coachId: row.coachId,
    clientId: row.clientId,
    sessionId: row.sessionId,
    startsAt: iso(row.startsAt),
    endsAt: iso(row.endsAt),
    creditCost: row.creditCost,
    message: row.message,
    status: row.status,
    expiresAt: iso(row.expiresAt),
    createdAt: iso(row.createdAt),
    respondedAt: isoOrNull(row.respondedAt),
    declineReason: row.declineReason,
    workflowId: row.workflowId,
  };
}

export function toSessionView(
  row: SessionRow,
  questionnaire: QuestionnaireRow | null,
): SessionView {
  return {
    id: row.id,
    coachId: row.coachId,
    clientId: row.clientId,
    startsAt: iso(row.startsAt),
    endsAt: iso(row.endsAt),
    status: row.status,
    creditCost: row.creditCost,
    inviteId: row.inviteId,
    questionnaire: {
      status: questionnaire?.status ?? 'pending',
      submittedAt: isoOrNull(questionnaire?.submittedAt ?? null),
    },
    cancellation:
      row.cancelledBy && row.cancelledAt
        ? {
            by: row.cancelledBy,
            at: iso(row.cancelledAt),
            refundedCredits: row.refundedCredits ?? 0,
          }
        : null,
  };
}
