import type { AnnouncedState, DedupStore } from '../dedup/dedup-store.js';
import type { Finding } from '../findings/finding.js';
import type { RouteTarget } from '../routing/router.js';
import {
  announcedState,
  dedupKey,
  SHARE_WINDOW_MS,
} from './announced-state.js';
import type { Delivery } from './outcome.js';

/** How long to wait for another invocation's live claim on the same key. */
export type ClaimWait = {
  /** Total wait per invocation, across all busy keys. @default 5_000 */
  readonly maxWaitMs: number;
  /** First poll delay; doubled up to 1 s. @default 50 */
  readonly firstDelayMs: number;
  readonly sleep: (ms: number) => Promise<void>;
};

/** Up to 5 s per invocation, polling at 50, 100, 200, 400, 800 ms, then every 1 s. */
export const DEFAULT_CLAIM_WAIT: ClaimWait = {
  maxWaitMs: 5_000,
  firstDelayMs: 50,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** A reserved (route, finding, state), not yet rendered or published. */
export type Claimed = {
  readonly route: RouteTarget;
  readonly key: string;
  readonly token: string;
  readonly variant: NonNullable<Delivery['variant']>;
  readonly previous?: AnnouncedState;
};

/** The wait budget one invocation shares across its busy keys. */
export type WaitBudget = { remainingMs: number };

/** What claiming needs: the store and the clock, and how to wait. */
export type ClaimForDeps = {
  readonly dedup: DedupStore;
  readonly now: () => Date;
  readonly wait: ClaimWait;
};

/**
 * Claims one route's announcement of a finding. A live claim by another
 * invocation is waited for (polling with backoff, within the invocation's
 * budget): when its holder confirms, this becomes a duplicate; when it
 * releases, this claims. Still busy after the budget: a retryable failure,
 * so the event is retried by Lambda rather than silently dropped.
 */
export const createClaimFor =
  ({ dedup, now, wait }: ClaimForDeps) =>
  async (
    finding: Finding,
    route: RouteTarget,
    budget: WaitBudget
  ): Promise<Claimed | Delivery> => {
    const key = dedupKey(route.name, finding);
    const state = announcedState(finding);
    const base = {
      route: route.name,
      topicArn: route.topicArn,
      format: route.format,
    };
    let delay = wait.firstDelayMs;
    for (;;) {
      const claim = await dedup.claim({
        key,
        state,
        now: now(),
        windowMs: finding.sharedBy ? SHARE_WINDOW_MS : route.dedupWindowMs,
        announceResolutions: route.announceResolutions,
      });
      if (claim.kind === 'claimed') {
        return {
          route,
          key,
          token: claim.token,
          // A shared finding is posted as shared, however often it was before.
          variant: finding.sharedBy ? 'shared' : claim.variant,
          ...(claim.previous ? { previous: claim.previous } : {}),
        };
      }
      if (claim.kind === 'duplicate') {
        const reason = finding.sharedBy
          ? `already shared with this custom action within the last minute (a second click posts once): ${claim.reason}`
          : claim.reason;
        return { ...base, outcome: 'duplicate', reason };
      }
      if (budget.remainingMs <= 0) {
        return {
          ...base,
          outcome: 'failed',
          reason: `${claim.reason}; still busy, the event will be retried`,
          errorCode: 'ClaimBusy',
          retryable: true,
        };
      }
      const pause = Math.min(delay, budget.remainingMs);
      budget.remainingMs -= pause;
      await wait.sleep(pause);
      delay = Math.min(delay * 2, 1_000);
    }
  };
