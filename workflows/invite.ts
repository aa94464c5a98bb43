import { allHandlersFinished, condition, log, setHandler } from '@temporalio/workflow';
import { patchedBefore } from './patches.js';
import { InviteLifecycle, type InviteOutcome } from './invite-lifecycle.js';
import { EmailsBesideTimers } from './emails-beside-timers.js';
import { ENDING_NOTICES, notify } from './invite-notices.js';
import {
  acceptSignal,
  acceptUpdate,
  cancelSignal,
  cancelUpdate,
  declineSignal,
  declineUpdate,
  inviteStateQuery,
  openInviteUpdate,
} from './messages.js';
import type { InviteInput } from '../src/domain/inputs.js';

export type { InviteOutcome } from './invite-lifecycle.js';

/**
 * One invite from sending to its single ending, as domain.md tells it: hold the coach's slot
 * (answering the API's Update-with-Start), tell the client, remind once while it waits, expire
 * when nobody answered, and tell whom the ending concerns.
 */
export async function inviteWorkflow(input: InviteInput): Promise<InviteOutcome> {
  const invite = new InviteLifecycle(input);
  listenForAnswers(invite);

  if (!(await invite.open())) {
    await condition(allHandlersFinished);
    return invite.outcome();
  }

  // The client's emails while the invite waits; the ending's follow them, so none arrive out of order.
  const emails = new EmailsBesideTimers(
    (event: 'invite_sent' | 'invite_reminder') => notify(invite, event, ['client']),
    patchedBefore(input, 'emails-beside-timers'),
  );
  await emails.send('invite_sent');
  if (await invite.reminderIsDue(emails.besideTimers)) await emails.send('invite_reminder');
  await invite.expireUnlessAnswered();

  await emails.settled();
  const notice = ENDING_NOTICES[invite.phase];
  if (notice && !invite.withdrawnWithSession) await notify(invite, notice.event, notice.recipients);
  await condition(allHandlersFinished);
  return invite.outcome();
}

/** The API's updates and the operators' signals of the same names share one handler each. */
function listenForAnswers(invite: InviteLifecycle): void {
  setHandler(openInviteUpdate, async () => {
    await condition(() => invite.phase !== 'opening');
    if (invite.phase === 'rejected' || !invite.invite) throw invite.openFailure;
    return invite.invite;
  });
  setHandler(acceptUpdate, invite.accept, {
    validator: (command) => invite.refuseIfNotAllowed('accept', command.by),
  });
  setHandler(declineUpdate, invite.decline, {
    validator: (command) => invite.refuseIfNotAllowed('decline', command.by),
  });
  setHandler(cancelUpdate, invite.withdraw, {
    validator: (command) => invite.refuseIfNotAllowed('cancel', command.by),
  });
  const fromSignal = (name: string, work: Promise<unknown>) =>
    void work.catch((error: unknown) =>
      log.warn(`Signal ${name} had no effect`, { error: String(error) }),
    );
  setHandler(acceptSignal, (command) => fromSignal('accept', invite.accept(command)));
  setHandler(declineSignal, (command) => fromSignal('decline', invite.decline(command)));
  setHandler(cancelSignal, (command) => fromSignal('cancel', invite.withdraw(command)));
  setHandler(inviteStateQuery, () => invite.state());
}
