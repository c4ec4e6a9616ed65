import type { OutgoingMessage, Publisher, PublishResult } from './publisher.js';

/** A publisher that records what would be published instead of sending it. */
export type LocalSink = Publisher & {
  readonly published: readonly OutgoingMessage[];
};

export const createLocalSink = (): LocalSink => {
  const published: OutgoingMessage[] = [];
  return {
    published,
    publish: async (messages, onResult) => {
      const results: PublishResult[] = [];
      for (const [index, message] of messages.entries()) {
        published.push(message);
        const result: PublishResult = {
          ok: true,
          messageId: `local-${published.length}`,
        };
        results.push(result);
        await onResult?.(index, result);
      }
      return results;
    },
  };
};
