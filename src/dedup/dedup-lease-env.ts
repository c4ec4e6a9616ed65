import { ConfigError } from '../config/config-error.js';
import { DEFAULT_LEASE_MS } from './dedup-store.js';

/** The environment variable holding the claim lease, in seconds (set by CDK and SAM). */
export const DEDUP_LEASE_ENV = 'DEDUP_LEASE_SECONDS';

/**
 * The dedup claim lease from the function's environment: longer than the
 * function's timeout (the infrastructure derives one from the other),
 * 45 s when unset.
 */
export const dedupLeaseMsFromEnv = (
  env: Readonly<Record<string, string | undefined>>
): number => {
  const value = env[DEDUP_LEASE_ENV]?.trim();
  if (!value) return DEFAULT_LEASE_MS;
  const seconds = Number(value);
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > 3_600) {
    throw new ConfigError('environment', [
      `${DEDUP_LEASE_ENV} must be a whole number of seconds from 1 to 3600, got "${value}"`,
    ]);
  }
  return seconds * 1000;
};
