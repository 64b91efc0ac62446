/**
 * Client settings every adapter's SDK client should be built with: the SDK's own retry strategy retries throttling
 * (ThrottlingException, Throttling, TooManyRequestsException…), 5xx and network errors with exponential backoff and
 * jitter; `adaptive` also slows the client down after throttling, which suits IAM's account-wide limits that cannot
 * be raised (https://docs.aws.amazon.com/sdkref/latest/guide/feature-retry-behavior.html,
 * https://repost.aws/knowledge-center/iam-sts-throttling-error). The adapters add no retry loop of their own except
 * Security Hub's per-finding FailedCount retry.
 */
export const SDK_RETRY_CONFIG = { maxAttempts: 5, retryMode: 'adaptive' } as const;
