/** The one place workflow ids are made: operators find an invite or session by these. */
export const inviteWorkflowId = (inviteId: string) => `invite-${inviteId}`;
export const sessionWorkflowId = (sessionId: string) => `session-${sessionId}`;
