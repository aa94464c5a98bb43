import { ApplicationFailure } from '@temporalio/workflow';
import type { FailureType } from '../src/domain/failures.js';

/** An expected refusal, failing the update (or logged for a signal) with its problem's code. */
export const failure = (type: FailureType, message: string) =>
  ApplicationFailure.create({ type, message, nonRetryable: true });
