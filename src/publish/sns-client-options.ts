import type { SNSClientConfig } from '@aws-sdk/client-sns';

/**
 * SNS client settings for the function: the SDK's standard retry strategy
 * retries throttling, 5xx and network errors with backoff (3 retries), and
 * never client errors such as InvalidParameter, NotFound or KMS access
 * errors. What is still failing afterwards reaches the pipeline as a failed
 * result, and the handler decides (throw, so Lambda retries the event).
 */
export const SNS_CLIENT_OPTIONS = {
  retryMode: 'standard',
  maxAttempts: 4,
} as const satisfies SNSClientConfig;
