import type { DedupStore } from './dedup-store.js';

/**
 * A store made on its first use, so its module and client load only when
 * an event needs them (an ignored, rejected or filtered event never does).
 * Concurrent first uses share one load; a failed load is tried again on the
 * next call, and its error reaches the caller as the store's own would.
 */
export const lazyDedupStore = (load: () => Promise<DedupStore>): DedupStore => {
  let store: Promise<DedupStore> | undefined;
  const loaded = () => {
    store ??= load().catch((error: unknown) => {
      store = undefined;
      throw error;
    });
    return store;
  };
  return {
    claim: async (request) => (await loaded()).claim(request),
    confirm: async (key, token, now) =>
      (await loaded()).confirm(key, token, now),
    release: async (key, token) => (await loaded()).release(key, token),
  };
};
