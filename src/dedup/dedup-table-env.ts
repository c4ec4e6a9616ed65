import { ConfigError } from '../config/config-error.js';

/** The environment variable naming the dedup table. */
export const DEDUP_TABLE_ENV = 'DEDUP_TABLE_NAME';

/**
 * The dedup table name from the function's environment. Required: without a
 * shared store every execution environment would dedup on its own and
 * concurrent invocations would announce the same finding twice.
 */
export const dedupTableFromEnv = (
  env: Readonly<Record<string, string | undefined>>
): string => {
  const name = env[DEDUP_TABLE_ENV]?.trim();
  if (!name) {
    throw new ConfigError('environment', [
      `${DEDUP_TABLE_ENV} is not set: name the DynamoDB table that remembers announced findings (partition key "pk", string)`,
    ]);
  }
  return name;
};
