import { describe, expect, it } from 'vitest';
import {
  createMemoryBurstLedger,
  planBurst,
} from '../../../src/dedup/burst-ledger.js';
import { burstRequest } from '../../helpers/burst-request.js';

describe('Burst ledger: one burst per route, aloneMax per burst', () => {
  it('stays quiet for a batch that would not digest when no burst is open', () => {
    expect(
      planBurst(undefined, burstRequest(0, { open: false }))
    ).toBeUndefined();
  });

  it('opens a burst that closes holdMs later and grants aloneMax', () => {
    expect(
      planBurst(undefined, burstRequest(1_000, { aloneWanted: 3 }))
    ).toEqual({
      record: { flushAt: 301_000, alone: 1 },
      burst: { flushAt: 301_000, aloneGranted: 1 },
    });
  });

  it('keeps a small batch in the open burst, with what is left of aloneMax', async () => {
    const ledger = createMemoryBurstLedger();
    await ledger.enter(burstRequest(0, { aloneMax: 2 }));

    const later = await ledger.enter(
      burstRequest(60_000, { open: false, aloneMax: 2, aloneWanted: 5 })
    );
    const full = await ledger.enter(
      burstRequest(90_000, { open: false, aloneMax: 2 })
    );

    expect(later).toEqual({ flushAt: 300_000, aloneGranted: 1 });
    expect(full).toEqual({ flushAt: 300_000, aloneGranted: 0 });
  });

  it('opens a new burst once the last one closed', async () => {
    const ledger = createMemoryBurstLedger();
    await ledger.enter(burstRequest(0));

    expect(
      await ledger.enter(burstRequest(300_000, { open: false }))
    ).toBeUndefined();
    expect(await ledger.enter(burstRequest(300_000))).toEqual({
      flushAt: 600_000,
      aloneGranted: 1,
    });
  });

  it('keeps routes apart', async () => {
    const ledger = createMemoryBurstLedger();
    await ledger.enter(burstRequest(0));

    expect(
      await ledger.enter(burstRequest(1_000, { route: 'other', open: false }))
    ).toBeUndefined();
  });
});
