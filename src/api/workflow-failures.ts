import { ApplicationFailure } from '@temporalio/common';
import { INVITE_FAILURES, type InviteFailure } from '../../workflows/messages.js';
import { ApiError } from './problems.js';

/** The domain failure a workflow update answered with, if it was one. */
export function domainFailure(error: unknown): InviteFailure | undefined {
  for (let current = error; current instanceof Error; current = current.cause) {
    if (
      current instanceof ApplicationFailure &&
      INVITE_FAILURES.includes(current.type as InviteFailure)
    ) {
      return current.type as InviteFailure;
    }
  }
  return undefined;
}

/** Rethrows a workflow's domain failure as the matching problem; other errors pass through. */
export function rethrowAsProblem(error: unknown): never {
  const code = domainFailure(error);
  if (code) {
    const cause =
      error instanceof Error && error.cause instanceof Error ? error.cause.message : undefined;
    throw new ApiError(code, cause);
  }
  throw error;
}
