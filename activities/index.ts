import { acceptInvite } from './accept-invite.js';
import { closeInvite } from './close-invite.js';
import type { ActivityDeps } from './deps.js';
import { failFast } from './fail-fast.js';
import { discardInvite } from './discard-invite.js';
import { holdSlot } from './hold-slot.js';
import { notifyParties, notifyParty } from './notify-party.js';
import { cancelSession } from './cancel-session.js';
import { completeSession } from './complete-session.js';
import { deliverWebhook, failWebhookDelivery } from './deliver-webhook.js';
import { notifySessionParties, notifySessionParty } from './notify-session-party.js';

export type { ActivityDeps } from './deps.js';

/**
 * The worker's activities, closing over their clients (database, email, clock); errors no retry
 * can fix fail at once.
 */
export function createActivities(deps: ActivityDeps) {
  return {
    holdSlot: failFast(holdSlot(deps)),
    discardInvite: failFast(discardInvite(deps)),
    acceptInvite: failFast(acceptInvite(deps)),
    closeInvite: failFast(closeInvite(deps)),
    notifyParty: failFast(notifyParty(deps)),
    notifyParties: failFast(notifyParties(deps)),
    cancelSession: failFast(cancelSession(deps)),
    completeSession: failFast(completeSession(deps)),
    notifySessionParty: failFast(notifySessionParty(deps)),
    notifySessionParties: failFast(notifySessionParties(deps)),
    deliverWebhook: failFast(deliverWebhook(deps)),
    failWebhookDelivery: failFast(failWebhookDelivery(deps)),
  };
}

export type Activities = ReturnType<typeof createActivities>;
