import { describe, expect, it } from 'vitest';
import { dedupLeaseMsFromEnv } from '../../../src/dedup/dedup-lease-env.js';

describe('Function: dedupLeaseMsFromEnv', () => {
  it('reads the lease the infrastructure derived, in seconds', () => {
    expect(dedupLeaseMsFromEnv({ DEDUP_LEASE_SECONDS: '135' })).toBe(135_000);
  });

  it('keeps the direct-mode lease of 45 s when unset', () => {
    expect(dedupLeaseMsFromEnv({})).toBe(45_000);
  });

  it('refuses a value that is not a whole number of seconds', () => {
    expect(() => dedupLeaseMsFromEnv({ DEDUP_LEASE_SECONDS: '1.5m' })).toThrow(
      'DEDUP_LEASE_SECONDS must be a whole number of seconds from 1 to 3600, got "1.5m"'
    );
  });
});
