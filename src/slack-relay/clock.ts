import { setTimeout as sleep } from 'node:timers/promises';

/** Time as the relay sees it: injected so tests run paced work on a virtual clock. */
export type Clock = {
  /** Milliseconds since the epoch. */
  now(): number;
  sleep(ms: number): Promise<void>;
};

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: async (ms) => {
    if (ms > 0) await sleep(ms);
  },
};
