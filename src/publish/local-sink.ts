import type { OutgoingMessage, Publisher, PublishResult } from './publisher.js';

/** A publisher that records what would be published instead of sending it. */
export type LocalSink = Publisher & {
  readonly published: readonly OutgoingMessage[];
};

export const createLocalSink = (): LocalSink => {
  const published: OutgoingMessage[] = [];
  return {
    published,
    publish: async (messages) =>
      messages.map((message): PublishResult => {
        published.push(message);
        return { ok: true, messageId: `local-${published.length}` };
      }),
  };
};
