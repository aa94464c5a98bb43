import { ApplicationFailure } from '@temporalio/activity';
import { isPermanentDataError, RecordMissingError } from '../src/db/errors.js';

/**
 * Turns errors that no retry can fix into non-retryable failures, so a workflow answers or ends at
 * once instead of retrying forever (and holding its answers back) on data PostgreSQL refuses.
 */
export function failFast<A extends unknown[], R>(
  step: (...args: A) => Promise<R>,
): (...args: A) => Promise<R> {
  return async (...args) => {
    try {
      return await step(...args);
    } catch (error) {
      if (error instanceof ApplicationFailure) throw error;
      if (error instanceof RecordMissingError)
        throw ApplicationFailure.create({
          type: 'not_found',
          message: error.message,
          cause: error,
          nonRetryable: true,
        });
      if (isPermanentDataError(error))
        throw ApplicationFailure.create({
          type: 'validation_failed',
          message: 'PostgreSQL refused the data of this step.',
          cause: error instanceof Error ? error : undefined,
          nonRetryable: true,
        });
      throw error;
    }
  };
}
