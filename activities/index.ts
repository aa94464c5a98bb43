import { acceptInvite } from './accept-invite.js';
import { closeInvite } from './close-invite.js';
import type { ActivityDeps } from './deps.js';
import { holdSlot } from './hold-slot.js';
import { notifyParty } from './notify-party.js';
import { cancelSession, completeSession, notifySessionParty } from './session-steps.js';

export type { ActivityDeps } from './deps.js';

/** The worker's activities, closing over their clients (database, email, clock). */
export function createActivities(deps: ActivityDeps) {
  return {
    holdSlot: holdSlot(deps),
    acceptInvite: acceptInvite(deps),
    closeInvite: closeInvite(deps),
    notifyParty: notifyParty(deps),
    cancelSession: cancelSession(deps),
    completeSession: completeSession(deps),
    notifySessionParty: notifySessionParty(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
