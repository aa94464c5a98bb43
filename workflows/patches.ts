import { patched } from '@temporalio/workflow';

/**
 * Runs started since this patch take the lean path: the short database steps run as local
 * activities inside the workflow task that needs them, each notice is one activity for all its
 * recipients, and search attributes already set at the start are not upserted again. Histories
 * recorded before replay as they ran.
 */
export const leanFlow = () => patched('lean-flow');

/**
 * An older patch, true for every run since 'lean-flow' without a marker of its own: each patch
 * costs a run two history events (its marker and a `TemporalChangeVersion` upsert).
 */
export const patchedBefore = (patchId: string) => leanFlow() || patched(patchId);
