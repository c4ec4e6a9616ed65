import { describe, expect, it, vi } from 'vitest';
import { lazyPublisher } from '../../../src/publish/lazy-publisher.js';
import type {
  OutgoingMessage,
  Publisher,
} from '../../../src/publish/publisher.js';

const message: OutgoingMessage = {
  route: 'security',
  findingId: 'f-1',
  topicArn: 'arn:aws:sns:us-east-1:123456789012:findings',
  subject: 'HIGH finding',
  body: 'body',
  attributes: {},
};

const accepting: Publisher = {
  publish: async (messages) =>
    messages.map((_, index) => ({ ok: true, messageId: `m-${index}` })),
};

describe('lazyPublisher', () => {
  it('loads the publisher once, on the first publish', async () => {
    // Prepare
    const load = vi.fn(async () => accepting);
    const publisher = lazyPublisher(load);

    // Act
    const loadsBeforeUse = load.mock.calls.length;
    const results = await Promise.all([
      publisher.publish([message]),
      publisher.publish([message, message]),
    ]);

    // Assess
    expect(loadsBeforeUse).toBe(0);
    expect(load).toHaveBeenCalledTimes(1);
    expect(results.map((batch) => batch.length)).toEqual([1, 2]);
  });

  it('gives a failed load to the caller and tries again on the next publish', async () => {
    // Prepare
    const load = vi
      .fn<() => Promise<Publisher>>()
      .mockRejectedValueOnce(new Error('chunk not found'))
      .mockResolvedValue(accepting);
    const publisher = lazyPublisher(load);

    // Act
    const failed = publisher.publish([message]);

    // Assess
    await expect(failed).rejects.toThrow('chunk not found');
    await expect(publisher.publish([message])).resolves.toEqual([
      { ok: true, messageId: 'm-0' },
    ]);
  });
});
