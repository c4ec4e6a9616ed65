import { describe, expect, it } from 'vitest';
import { createMemoryDedupStore } from '../../../src/dedup/memory-store.js';
import {
  announcedState,
  dedupKey,
} from '../../../src/pipeline/announced-state.js';
import { createClaimFor } from '../../../src/pipeline/claim-for.js';
import type { RouteTarget } from '../../../src/routing/router.js';
import { aFinding } from '../../helpers/a-finding.js';

const ROUTE: RouteTarget = {
  name: 'security',
  topicArn: 'arn:aws:sns:eu-west-1:123456789012:security',
  format: 'chatbot',
  dedupWindowMs: 24 * 3_600_000,
  announceResolutions: false,
  acknowledge: false,
};
const NOW = new Date('2026-03-01T12:00:00Z');

/** A store in which another invocation holds the claim on the finding. */
const heldByAnother = async () => {
  const dedup = createMemoryDedupStore();
  const finding = aFinding();
  const key = dedupKey(ROUTE.name, finding);
  const holder = await dedup.claim({
    key,
    state: announcedState(finding),
    now: NOW,
    windowMs: ROUTE.dedupWindowMs,
    announceResolutions: false,
  });
  if (holder.kind !== 'claimed') throw new Error('expected a claim');
  return { dedup, finding, key, token: holder.token };
};

describe('createClaimFor', () => {
  it('claims after waiting when the holder releases (its publish failed)', async () => {
    const { dedup, finding, key, token } = await heldByAnother();
    const sleeps: number[] = [];
    const claimFor = createClaimFor({
      dedup,
      now: () => NOW,
      wait: {
        maxWaitMs: 1_000,
        firstDelayMs: 50,
        sleep: async (ms) => {
          sleeps.push(ms);
          if (sleeps.length === 3) await dedup.release(key, token);
        },
      },
    });

    const result = await claimFor(finding, ROUTE, { remainingMs: 1_000 });

    expect(result).toMatchObject({ key, variant: 'new' });
    expect(sleeps).toEqual([50, 100, 200]);
  });

  it('becomes a duplicate when the holder confirms', async () => {
    const { dedup, finding, key, token } = await heldByAnother();
    const claimFor = createClaimFor({
      dedup,
      now: () => NOW,
      wait: {
        maxWaitMs: 1_000,
        firstDelayMs: 50,
        sleep: async () => {
          await dedup.confirm(key, token, NOW);
        },
      },
    });

    expect(
      await claimFor(finding, ROUTE, { remainingMs: 1_000 })
    ).toMatchObject({ outcome: 'duplicate' });
  });

  it('fails as retryable, never as a duplicate, when the holder keeps the claim past the budget', async () => {
    const { dedup, finding } = await heldByAnother();
    const budget = { remainingMs: 300 };
    const sleeps: number[] = [];
    const claimFor = createClaimFor({
      dedup,
      now: () => NOW,
      wait: {
        maxWaitMs: 300,
        firstDelayMs: 50,
        sleep: async (ms) => {
          sleeps.push(ms);
        },
      },
    });

    const result = await claimFor(finding, ROUTE, budget);

    expect(result).toMatchObject({
      outcome: 'failed',
      errorCode: 'ClaimBusy',
      retryable: true,
    });
    expect(sleeps).toEqual([50, 100, 150]);
    expect(budget.remainingMs).toBe(0);
  });
});
