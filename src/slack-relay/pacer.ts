import type { Clock } from './clock.js';

/** Slack accepts about one message per second per channel (FORMATS.md §5). */
export const DEFAULT_MIN_INTERVAL_MS = 1_000;

/**
 * Spaces posts to one channel: the next post starts at least
 * `minIntervalMs` after Slack ANSWERED the previous one (so a stalled event
 * loop or a slow answer can never squeeze two posts into one second), or
 * later when Slack asked for it (`Retry-After`) or a backoff holds the
 * channel. One pacer per execution environment: its memory carries over
 * between warm invocations (with reserved concurrency 1 there is one
 * environment).
 */
export type Pacer = {
  /** When the channel may be posted to next (ms since the epoch); Infinity while a post is out. */
  nextAt(channel: string): number;
  /** Waits for the channel's turn and takes it; the channel is busy until `done`. */
  take(channel: string): Promise<void>;
  /** The post was answered: the next may start `max(minIntervalMs, waitMs)` from now. */
  done(channel: string, waitMs?: number): void;
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
      // Loop: a sleep may end early or another caller may take the turn.
      for (let wait = nextAt(channel) - clock.now(); wait > 0; ) {
        await clock.sleep(Number.isFinite(wait) ? wait : minIntervalMs);
        wait = nextAt(channel) - clock.now();
      }
      next.set(channel, Number.POSITIVE_INFINITY);
    },
    done: (channel, waitMs = 0) => {
      next.set(channel, clock.now() + Math.max(minIntervalMs, waitMs));
    },
  };
};
