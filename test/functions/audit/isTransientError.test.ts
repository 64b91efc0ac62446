import { describe, expect, it } from 'vitest';
import { isTransientError } from '../../../functions/audit/isTransientError.js';

function sdkError(name: string, status: number): Error {
  return Object.assign(new Error(name), { name, $metadata: { httpStatusCode: status } });
}

describe('isTransientError', () => {
  it.each([
    { name: 'IAM throttling', error: sdkError('Throttling', 400), transient: true },
    { name: 'Step Functions throttling', error: sdkError('ThrottlingException', 400), transient: true },
    { name: 'a 503', error: sdkError('ServiceUnavailable', 503), transient: true },
    {
      name: 'a connection reset',
      error: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }),
      transient: true,
    },
    {
      name: 'throttling as the cause',
      error: new Error('describe failed', { cause: sdkError('ThrottlingException', 400) }),
      transient: true,
    },
    { name: 'access denied', error: sdkError('AccessDeniedException', 400), transient: false },
    { name: 'a validation error', error: sdkError('ValidationException', 400), transient: false },
    { name: 'a plain bug', error: new TypeError('x is undefined'), transient: false },
  ])('classifies $name', ({ error, transient }) => {
    expect(isTransientError(error)).toBe(transient);
  });
});
