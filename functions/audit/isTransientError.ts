/** Error names the AWS SDK v3 and its retry strategy treat as throttling (https://github.com/smithy-lang/smithy-typescript/blob/main/packages/service-error-classification/src/constants.ts). */
const THROTTLING = new Set([
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'RequestThrottledException',
  'TooManyRequestsException',
  'ProvisionedThroughputExceededException',
  'TransactionInProgressException',
  'RequestLimitExceeded',
  'BandwidthLimitExceeded',
  'LimitExceededException',
  'RequestThrottled',
  'SlowDown',
  'PriorRequestNotComplete',
  'EC2ThrottledException',
  'KmsThrottlingException',
]);

/** Node.js network error codes worth a retry. */
const NETWORK = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNABORTED']);

function fieldOf(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

/**
 * True for a failure that a later attempt may not hit: throttling, a 5xx answer, a timeout or a network error
 * (looking through `cause` chains). Only used to say so in the logs: every non-malformed failure is retried.
 */
export function isTransientError(error: unknown): boolean {
  for (let current = error, depth = 0; current !== undefined && current !== null && depth < 5; depth += 1) {
    const name = fieldOf(current, 'name');
    const code = fieldOf(current, 'code');
    const status = fieldOf(fieldOf(current, '$metadata'), 'httpStatusCode');
    if (typeof name === 'string' && (THROTTLING.has(name) || name === 'TimeoutError')) return true;
    if (typeof code === 'string' && NETWORK.has(code)) return true;
    if (typeof status === 'number' && (status >= 500 || status === 429)) return true;
    if (fieldOf(fieldOf(current, '$retryable'), 'throttling') === true) return true;
    current = fieldOf(current, 'cause');
  }
  return false;
}
