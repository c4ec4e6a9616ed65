import type { Clock } from './clock.js';

/** Slack accepts about one message per second per channel (FORMATS.md §5). */
export const DEFAULT_MIN_INTERVAL_MS = 1_000;

/**
 * Spaces posts to one channel at least `minIntervalMs` apart, and holds a
 * channel Slack answered 429 for until its `Retry-After` has passed. One
 * pacer per execution environment: its memory carries over between warm
 * invocations (with reserved concurrency 1 there is one environment).
 */
export type Pacer = {
  /** When the channel may be posted to next (ms since the epoch). */
  nextAt(channel: string): number;
  /** Waits for the channel's turn and takes it: the next turn is `minIntervalMs` later. */
  take(channel: string): Promise<void>;
  /** Slack said 429: no post to the channel before `retryAfterMs` from now. */
  hold(channel: string, retryAfterMs: number): void;
};

export const createPacer = (
  clock: Clock,
  minIntervalMs: number = DEFAULT_MIN_INTERVAL_MS
): Pacer => {
  const next = new Map<string, number>();
  const nextAt = (channel: string) => next.get(channel) ?? 0;
  return {
    nextAt,
    take: async (channel) => {
      // Loop: the clock may move on by more than asked for, never by less.
      for (let wait = nextAt(channel) - clock.now(); wait > 0; ) {
        await clock.sleep(wait);
        wait = nextAt(channel) - clock.now();
      }
      next.set(channel, clock.now() + minIntervalMs);
    },
    hold: (channel, retryAfterMs) => {
      next.set(channel, Math.max(nextAt(channel), clock.now() + retryAfterMs));
    },
  };
};
