import type { Publisher } from './publisher.js';

/**
 * A publisher made on its first use, so its module and client load only
 * when an event has something to publish. Concurrent first uses share one
 * load; a failed load is tried again on the next call, and its error
 * reaches the caller (the pipeline releases its claims and fails the
 * invocation, so Lambda retries it).
 */
export const lazyPublisher = (load: () => Promise<Publisher>): Publisher => {
  let publisher: Promise<Publisher> | undefined;
  return {
    publish: async (messages) => {
      publisher ??= load().catch((error: unknown) => {
        publisher = undefined;
        throw error;
      });
      return (await publisher).publish(messages);
    },
  };
};
