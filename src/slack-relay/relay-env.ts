/** Environment variable with the URL of the relay's failure (dead-letter) queue. */
export const RELAY_FAILURE_QUEUE_ENV = 'RELAY_FAILURE_QUEUE_URL';

/** Reads the failure queue URL once at cold start; missing fails it loudly. */
export const relayFailureQueueFromEnv = (
  env: Readonly<Record<string, string | undefined>>
): string => {
  const url = env[RELAY_FAILURE_QUEUE_ENV]?.trim();
  if (!url) {
    throw new Error(
      `set ${RELAY_FAILURE_QUEUE_ENV} to the SQS queue that keeps messages Slack refused`
    );
  }
  return url;
};
