import { patched } from '@temporalio/workflow';
import type { InviteInput, SessionInput } from '../src/domain/inputs.js';

/** What a run was started with that says which path it takes. */
export type RunInput = Pick<InviteInput | SessionInput, 'leanFlow'>;

/**
 * Runs started since this patch take the lean path: the short database steps run as local
 * activities inside the workflow task that needs them, each notice is one activity for all its
 * recipients, and search attributes already set at the start are not upserted again. Runs whose
 * input says so take it without asking, so they record no patch marker and no
 * `TemporalChangeVersion` upsert (about 1.2 ms of the dev server's CPU per run); runs started
 * before ask the patch, and histories recorded before it replay as they ran.
 */
export const leanFlow = (input: RunInput) => input.leanFlow === true || patched('lean-flow');

/**
 * An older patch, true for every run on the lean path without a marker of its own: each patch
 * costs a run two history events (its marker and a `TemporalChangeVersion` upsert).
 */
export const patchedBefore = (input: RunInput, patchId: string) =>
  leanFlow(input) || patched(patchId);

/**
 * Runs started since this patch start a new session's workflow from the acceptance step (a
 * client's start inside the local activity) instead of as the invite's child: the acceptance
 * answers in the workflow task that accepted it, and the invite records no child start, no
 * child-started event and no workflow task for it (five events, and about 8% of the dev server's
 * CPU per flow in the benchmark). Runs whose input says so take it without asking; runs started
 * before ask at their acceptance, and histories recorded before replay as they ran.
 */
export const acceptanceStartsSession = (input: Pick<InviteInput, 'acceptanceStartsSession'>) =>
  input.acceptanceStartsSession === true || patched('acceptance-starts-session');
