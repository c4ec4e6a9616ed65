import type { BurstRequest } from '../../src/dedup/burst-ledger.js';

/** A batch's request to route `team`'s burst at `at` (ms): it would open one, wants one finding alone. */
export const burstRequest = (
  at: number,
  overrides: Partial<BurstRequest> = {}
): BurstRequest => ({
  route: 'team',
  now: new Date(at),
  open: true,
  holdMs: 300_000,
  aloneMax: 1,
  aloneWanted: 1,
  ...overrides,
});
