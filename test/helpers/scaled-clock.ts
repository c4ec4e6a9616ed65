import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Clock } from '../../src/slack-relay/clock.js';

/**
 * Real time running `speedup` times faster: the relay and the fake Slack
 * share it, so a 1 s pacing interval takes 1000 / speedup real ms while
 * concurrent requests still see one monotonic clock.
 */
export const scaledClock = (speedup: number): Clock => {
  const start = Date.now();
  const origin = performance.now();
  return {
    now: () => start + (performance.now() - origin) * speedup,
    sleep: async (ms) => {
      if (ms > 0) await sleep(ms / speedup);
    },
  };
};

/**
 * A clock that only moves when slept on: deterministic, for code that
 * does no real I/O while it waits.
 */
export const manualClock = (start = 0): Clock & { slept: number[] } => {
  let now = start;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    sleep: async (ms) => {
      slept.push(ms);
      now += Math.max(0, ms);
    },
  };
};
