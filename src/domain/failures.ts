/**
 * Every expected way a step or an answer can fail, as one typed list: activities and workflows
 * fail with these types, and the API answers each with the problem of the same code.
 */
export const FAILURE_TYPES = [
  'slot_unavailable',
  'insufficient_credits',
  'invite_expired',
  'invite_already_responded',
  'invite_cancelled',
  'forbidden',
  'reschedule_pending',
  'session_not_active',
  'validation_failed',
  'not_found',
] as const;
export type FailureType = (typeof FAILURE_TYPES)[number];

export const isFailureType = (type: string | null | undefined): type is FailureType =>
  (FAILURE_TYPES as readonly string[]).includes(type ?? '');

/** Why a slot could not be held: the hold's transaction rolled back, so nothing was written. */
export const SLOT_REFUSALS = [
  'slot_unavailable',
  'reschedule_pending',
  'session_not_active',
] as const;
export type SlotRefusal = (typeof SLOT_REFUSALS)[number];
