import { randomUUID } from 'node:crypto';
import {
  type AnnouncedState,
  type ClaimRequest,
  type ClaimResult,
  DEFAULT_LEASE_MS,
  type DedupStore,
} from './dedup-store.js';
import { type Announced, planClaim } from './plan-claim.js';

type Entry = {
  announced?: Announced;
  pending?: { token: string; state: AnnouncedState; leaseUntil: number };
};

export type MemoryStoreOptions = {
  /** How long an unconfirmed claim blocks others. @default 45_000 */
  readonly leaseMs?: number;
};

/**
 * The dedup store for replay and tests: one process, no persistence. The
 * event loop makes each claim atomic. Same decisions as the DynamoDB store
 * (both use `planClaim`).
 */
export const createMemoryDedupStore = (
  options: MemoryStoreOptions = {}
): DedupStore => {
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const entries = new Map<string, Entry>();
  return {
    claim: async ({
      key,
      state,
      now,
      windowMs,
      announceResolutions,
    }: ClaimRequest): Promise<ClaimResult> => {
      const entry = entries.get(key) ?? {};
      const at = now.getTime();
      if (entry.pending && entry.pending.leaseUntil > at) {
        return {
          kind: 'busy',
          reason: 'another invocation is announcing this finding',
        };
      }
      // Here the lease has ended: a pending claim left is unconfirmed.
      const plan = planClaim(
        entry.announced,
        state,
        at,
        { windowMs, announceResolutions },
        entry.pending?.state
      );
      if (!plan.announce) return { kind: 'duplicate', reason: plan.reason };
      const token = randomUUID();
      entries.set(key, {
        ...entry,
        pending: { token, state, leaseUntil: at + leaseMs },
      });
      return {
        kind: 'claimed',
        token,
        variant: plan.variant,
        ...(entry.announced ? { previous: entry.announced.state } : {}),
      };
    },
    confirm: async (key, token, now) => {
      const entry = entries.get(key);
      if (entry?.pending?.token !== token) return false;
      entries.set(key, {
        announced: { state: entry.pending.state, at: now.getTime() },
      });
      return true;
    },
    release: async (key, token) => {
      const entry = entries.get(key);
      if (entry?.pending?.token !== token) return;
      entries.set(key, entry.announced ? { announced: entry.announced } : {});
    },
  };
};
