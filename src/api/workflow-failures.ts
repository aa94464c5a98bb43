import type { Client } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { isFailureType, type FailureType } from '../domain/failures.js';
import { ApiError } from './problems.js';

/** How long the API waits on Temporal; the invite workflow's slot hold itself gives up about then. */
const WORKFLOW_DEADLINE_MS = 20_000;

/** Runs `call` against Temporal, failing once `WORKFLOW_DEADLINE_MS` have passed: no request hangs. */
export function withinDeadline<T>(temporal: Client, call: () => Promise<T>): Promise<T> {
  return temporal.withDeadline(Date.now() + WORKFLOW_DEADLINE_MS, call);
}

/** The domain failure a workflow update answered with, if it was one. */
export function domainFailure(error: unknown): FailureType | undefined {
  for (let current = error; current instanceof Error; current = current.cause) {
    if (current instanceof ApplicationFailure && isFailureType(current.type)) return current.type;
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
