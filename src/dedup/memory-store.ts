import { randomUUID } from 'node:crypto';
import { decide } from './decide.js';
import type {
  AnnouncedState,
  ClaimRequest,
  ClaimResult,
  DedupStore,
} from './dedup-store.js';

type Entry = {
  announced?: { state: AnnouncedState; at: number };
  pending?: { token: string; state: AnnouncedState; leaseUntil: number };
};

export type MemoryStoreOptions = {
  /** How long an unconfirmed claim blocks others. @default 60_000 */
  readonly leaseMs?: number;
};

/**
 * The dedup store for replay and tests: one process, no persistence. The
 * event loop makes each claim atomic.
 */
export const createMemoryDedupStore = (
  options: MemoryStoreOptions = {}
): DedupStore => {
  const leaseMs = options.leaseMs ?? 60_000;
  const entries = new Map<string, Entry>();
  return {
    claim: async ({
      key,
      state,
      now,
      windowMs,
    }: ClaimRequest): Promise<ClaimResult> => {
      const entry = entries.get(key) ?? {};
      const at = now.getTime();
      if (entry.pending && entry.pending.leaseUntil > at) {
        return {
          kind: 'duplicate',
          reason: 'another invocation is announcing this finding',
        };
      }
      const decision = decide(entry.announced, state, at, windowMs);
      if (!decision.announce)
        return { kind: 'duplicate', reason: decision.reason };
      const token = randomUUID();
      entries.set(key, {
        ...entry,
        pending: { token, state, leaseUntil: at + leaseMs },
      });
      return {
        kind: 'claimed',
        token,
        variant: decision.variant,
        ...(entry.announced ? { previous: entry.announced.state } : {}),
      };
    },
    confirm: async (key, token, now) => {
      const entry = entries.get(key);
      if (entry?.pending?.token !== token) return;
      entries.set(key, {
        announced: { state: entry.pending.state, at: now.getTime() },
      });
    },
    release: async (key, token) => {
      const entry = entries.get(key);
      if (entry?.pending?.token !== token) return;
      entries.set(key, entry.announced ? { announced: entry.announced } : {});
    },
  };
};
