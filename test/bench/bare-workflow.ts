import {
  condition,
  defineUpdate,
  ParentClosePolicy,
  proxyActivities,
  setHandler,
  startChild,
} from '@temporalio/workflow';

export const BARE_TASK_QUEUE = 'bench-bare';

export const openBareUpdate = defineUpdate<string>('open');
export const acceptBareUpdate = defineUpdate<string>('accept');

export interface BareActivities {
  noop(step: string): Promise<void>;
}

const { noop } = proxyActivities<BareActivities>({ startToCloseTimeout: '30s' });

/**
 * The invite's shape with no work in it: opened by Update-with-Start once a slot is "held", an
 * "email", then an accept update that "books" and starts a child (abandoned, and it ends at
 * once), then two "confirmation emails". Five no-op activities in all.
 */
export async function bareInviteWorkflow(id: string): Promise<string> {
  let opened = false;
  let accepted = false;
  setHandler(openBareUpdate, async () => {
    await condition(() => opened);
    return id;
  });
  setHandler(acceptBareUpdate, async () => {
    await condition(() => opened);
    await noop('book');
    // As the invite starts its session: the update returns once the child has started.
    await startChild(bareSessionWorkflow, {
      workflowId: `bare-session-${id}`,
      args: [id],
      parentClosePolicy: ParentClosePolicy.ABANDON,
    });
    accepted = true;
    return id;
  });
  await noop('hold');
  opened = true;
  await noop('invite_sent');
  await condition(() => accepted);
  await Promise.all([noop('confirm_coach'), noop('confirm_client')]);
  return 'accepted';
}

export async function bareSessionWorkflow(id: string): Promise<string> {
  return id;
}
