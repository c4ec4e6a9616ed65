import { describe, expect, it, vi } from 'vitest';
import type { DedupStore } from '../../../src/dedup/dedup-store.js';
import { lazyDedupStore } from '../../../src/dedup/lazy-dedup-store.js';
import { createMemoryDedupStore } from '../../../src/dedup/memory-store.js';

const request = {
  key: 'route#finding',
  state: { severity: 'HIGH', lifecycle: 'OPEN', fingerprint: 'f' },
  now: new Date('2026-01-01T00:00:00Z'),
  windowMs: 3_600_000,
  announceResolutions: false,
} as const;

describe('lazyDedupStore', () => {
  it('loads the store once, on first use, and passes every call through', async () => {
    // Prepare
    const load = vi.fn(async () => createMemoryDedupStore());
    const store = lazyDedupStore(load);

    // Act
    const loadsBeforeUse = load.mock.calls.length;
    const [first, second] = await Promise.all([
      store.claim(request),
      store.claim({ ...request, key: 'other#finding' }),
    ]);
    if (first.kind !== 'claimed') throw new Error(first.kind);
    const confirmed = await store.confirm(
      request.key,
      first.token,
      request.now
    );
    const again = await store.claim(request);

    // Assess
    expect(loadsBeforeUse).toBe(0);
    expect(load).toHaveBeenCalledTimes(1);
    expect(second.kind).toBe('claimed');
    expect(confirmed).toBe(true);
    expect(again.kind).toBe('duplicate');
  });

  it('gives a failed load to the caller and tries again on the next call', async () => {
    // Prepare
    const memory = createMemoryDedupStore();
    const load = vi
      .fn<() => Promise<DedupStore>>()
      .mockRejectedValueOnce(new Error('chunk not found'))
      .mockResolvedValue(memory);
    const store = lazyDedupStore(load);

    // Act
    const failed = store.claim(request);

    // Assess
    await expect(failed).rejects.toThrow('chunk not found');
    await expect(store.claim(request)).resolves.toMatchObject({
      kind: 'claimed',
    });
    expect(load).toHaveBeenCalledTimes(2);
  });
});
