import { WithStartWorkflowOperation } from '@temporalio/client';
import type { temporal } from '@temporalio/proto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inviteWorkflowId, sessionWorkflowId } from '../../src/domain/workflow-ids.js';
import { openInviteUpdate } from '../../workflows/messages.js';
import { buildInviteInput } from '../support/fixtures.js';
import { startHarness, type Harness } from '../support/harness.js';
import { slot, workflowResult } from '../support/invites.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

type Event = temporal.api.history.v1.IHistoryEvent;

async function historyOf(workflowId: string): Promise<Event[]> {
  return (await h.temporal.client.workflow.getHandle(workflowId).fetchHistory()).events ?? [];
}
const markers = (events: Event[], name: string) =>
  events.filter((event) => event.markerRecordedEventAttributes?.markerName === name);
const childStarts = (events: Event[]) =>
  events.filter((event) => event.startChildWorkflowExecutionInitiatedEventAttributes);
const parentOf = (events: Event[]) =>
  events[0]?.workflowExecutionStartedEventAttributes?.parentWorkflowExecution ?? null;
const upsertedKeys = (events: Event[]) =>
  events.flatMap((event) =>
    Object.keys(
      event.upsertWorkflowSearchAttributesEventAttributes?.searchAttributes?.indexedFields ?? {},
    ),
  );

async function accepted(inviteId: string, client: Awaited<ReturnType<Harness['createUser']>>) {
  const answer = await client.api.post(`/v1/invites/${inviteId}/accept`, {});
  expect(answer.status).toBe(200);
  await workflowResult(h, inviteId);
  return {
    invite: await historyOf(inviteWorkflowId(inviteId)),
    session: await historyOf(sessionWorkflowId(answer.body.session.id)),
  };
}

describe('the lean path', () => {
  it('is taken by new invites and sessions without a patch marker or a version upsert', async () => {
    const coach = await h.createUser('coach');
    const client = await h.createUser('client', { credits: 1, coach });
    const created = await coach.api.post('/v1/invites', { clientId: client.id, ...slot(2) });
    expect(created.status).toBe(201);

    const { invite, session } = await accepted(created.body.id, client);
    // The hold and the acceptance ran as local activities: the lean path.
    expect(markers(invite, 'core_local_activity')).toHaveLength(2);
    for (const history of [invite, session]) {
      expect(markers(history, 'core_patch')).toEqual([]);
      expect(upsertedKeys(history)).not.toContain('TemporalChangeVersion');
    }
    expect(upsertedKeys(invite)).toEqual(['InviteStatus']);
    // The acceptance step started the session's workflow: it is no child of the invite.
    expect(childStarts(invite)).toEqual([]);
    expect(parentOf(session)).toBeNull();
  });

  it('is still taken by an invite started without the flags, through their patches', async () => {
    const coach = await h.createUser('coach');
    const client = await h.createUser('client', { credits: 1, coach });
    const input = buildInviteInput({
      coachId: coach.id,
      clientId: client.id,
      sentAt: new Date(),
      startsInMs: 3 * 24 * 3_600_000,
      leanFlow: undefined,
      acceptanceStartsSession: undefined,
    });
    await h.temporal.client.workflow.executeUpdateWithStart(openInviteUpdate, {
      startWorkflowOperation: new WithStartWorkflowOperation('inviteWorkflow', {
        workflowId: inviteWorkflowId(input.inviteId),
        taskQueue: h.config.taskQueue,
        args: [input],
        workflowIdConflictPolicy: 'FAIL',
      }),
    });

    const { invite, session } = await accepted(input.inviteId, client);
    // One marker for the lean path, one for the acceptance starting the session.
    expect(markers(invite, 'core_patch')).toHaveLength(2);
    expect(upsertedKeys(invite)).toContain('TemporalChangeVersion');
    expect(markers(invite, 'core_local_activity')).toHaveLength(2);
    expect(childStarts(invite)).toEqual([]);
    expect(parentOf(session)).toBeNull();
  });
});
