import { ApplicationFailure } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import { ApiError, PROBLEMS } from '../../src/api/problems.js';
import { rethrowAsProblem } from '../../src/api/workflow-failures.js';
import { FAILURE_TYPES } from '../../src/domain/failures.js';

/** How a failed update reaches the API: the workflow's failure as the cause of the client's error. */
const updateFailedWith = (type: string) =>
  new Error('Workflow Update failed', {
    cause: ApplicationFailure.create({ type, message: `because ${type}`, nonRetryable: true }),
  });

describe('every failure type', () => {
  it.each(FAILURE_TYPES)('%s is answered as the 4xx problem of the same code', (type) => {
    const thrown = (() => {
      try {
        rethrowAsProblem(updateFailedWith(type));
      } catch (error) {
        return error;
      }
    })();
    expect(thrown).toBeInstanceOf(ApiError);
    expect((thrown as ApiError).code).toBe(type);
    expect((thrown as ApiError).message).toBe(`because ${type}`);
    expect(PROBLEMS[type].status).toBeGreaterThanOrEqual(400);
    expect(PROBLEMS[type].status).toBeLessThan(500);
  });

  it('leaves any other failure to the caller, never as a problem of its own', () => {
    const other = updateFailedWith('connection_lost');
    expect(() => rethrowAsProblem(other)).toThrow(other);
  });
});
