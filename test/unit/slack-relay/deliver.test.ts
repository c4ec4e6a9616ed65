import { describe, expect, it } from 'vitest';
import { deliver } from '../../../src/slack-relay/deliver.js';
import { createPacer } from '../../../src/slack-relay/pacer.js';
import type { PostResult } from '../../../src/slack-relay/post-result.js';
import { manualClock } from '../../helpers/scaled-clock.js';

const MESSAGE = { text: 'HIGH finding' };

/** A poster answering from a list, recording when each post started. */
const scripted = (clock: { now(): number }, answers: PostResult[]) => {
  const at: number[] = [];
  return {
    at,
    post: async (): Promise<PostResult> => {
      at.push(clock.now());
      return answers.shift() ?? { kind: 'posted' };
    },
  };
};

describe('deliver: one message to one channel', () => {
  it('posts once when Slack takes it', async () => {
    const clock = manualClock(1_000_000);
    const poster = scripted(clock, []);
    const delivery = await deliver({
      post: poster.post,
      message: MESSAGE,
      channel: 'c',
      pacer: createPacer(clock),
      clock,
      deadline: clock.now() + 60_000,
    });
    expect(delivery).toEqual({ kind: 'posted', attempts: 1, rateLimited: 0 });
    expect(poster.at).toHaveLength(1);
  });

  it("waits out each 429's Retry-After before posting again", async () => {
    const clock = manualClock(1_000_000);
    const poster = scripted(clock, [
      { kind: 'rate-limited', retryAfterMs: 3_000 },
      { kind: 'rate-limited', retryAfterMs: 2_000 },
    ]);
    const delivery = await deliver({
      post: poster.post,
      message: MESSAGE,
      channel: 'c',
      pacer: createPacer(clock),
      clock,
      deadline: clock.now() + 60_000,
    });
    expect(delivery).toEqual({ kind: 'posted', attempts: 3, rateLimited: 2 });
    expect(poster.at).toEqual([1_000_000, 1_003_000, 1_005_000]);
  });

  it('backs off after 5xx (1 s, 2 s, 4 s) and gives the message back after 4 failures', async () => {
    const clock = manualClock(0);
    const failure: PostResult = { kind: 'transient', reason: 'HTTP 500 x' };
    const poster = scripted(clock, [failure, failure, failure, failure]);
    const delivery = await deliver({
      post: poster.post,
      message: MESSAGE,
      channel: 'c',
      pacer: createPacer(clock),
      clock,
      deadline: 60_000,
    });
    expect(delivery).toEqual({
      kind: 'retry-later',
      reason: 'HTTP 500 x (4 transient failures)',
    });
    expect(poster.at).toEqual([0, 1_000, 3_000, 7_000]);
  });

  it('recovers after a 5xx', async () => {
    const clock = manualClock(0);
    const poster = scripted(clock, [
      { kind: 'transient', reason: 'HTTP 503 x' },
    ]);
    const delivery = await deliver({
      post: poster.post,
      message: MESSAGE,
      channel: 'c',
      pacer: createPacer(clock),
      clock,
      deadline: 60_000,
    });
    expect(delivery).toEqual({ kind: 'posted', attempts: 2, rateLimited: 0 });
  });

  it('stops at a permanent error without posting again', async () => {
    const clock = manualClock(0);
    const poster = scripted(clock, [
      { kind: 'permanent', reason: 'HTTP 400 invalid_blocks' },
    ]);
    const delivery = await deliver({
      post: poster.post,
      message: MESSAGE,
      channel: 'c',
      pacer: createPacer(clock),
      clock,
      deadline: 60_000,
    });
    expect(delivery).toEqual({
      kind: 'permanent',
      reason: 'HTTP 400 invalid_blocks',
    });
    expect(poster.at).toHaveLength(1);
  });

  it('gives the message back instead of starting a post the invocation cannot wait for', async () => {
    const clock = manualClock(0);
    const poster = scripted(clock, [
      { kind: 'rate-limited', retryAfterMs: 30_000 },
    ]);
    const delivery = await deliver({
      post: poster.post,
      message: MESSAGE,
      channel: 'c',
      pacer: createPacer(clock),
      clock,
      deadline: 25_000,
    });
    expect(delivery.kind).toBe('retry-later');
    expect(poster.at).toEqual([0]);
    expect(clock.now()).toBe(0);
  });
});

describe('pacer', () => {
  it('starts a post on a channel 1 s after the previous answer, and leaves other channels alone', async () => {
    const clock = manualClock(0);
    const pacer = createPacer(clock);
    const turns: string[] = [];
    for (const [channel, answerMs] of [
      ['a', 300],
      ['a', 0],
      ['b', 0],
      ['a', 0],
    ] as const) {
      await pacer.take(channel);
      turns.push(`${channel}@${clock.now()}`);
      await clock.sleep(answerMs);
      pacer.done(channel);
    }
    expect(turns).toEqual(['a@0', 'a@1300', 'b@1300', 'a@2300']);
  });

  it('keeps a channel busy while a post is out', async () => {
    const clock = manualClock(0);
    const pacer = createPacer(clock);
    await pacer.take('a');
    expect(pacer.nextAt('a')).toBe(Number.POSITIVE_INFINITY);
    const second = pacer.take('a').then(() => clock.now());
    await clock.sleep(2_500);
    pacer.done('a');
    expect(await second).toBeGreaterThanOrEqual(3_500);
  });

  it('holds a channel for a Retry-After longer than the interval, never for less than the interval', async () => {
    const clock = manualClock(0);
    const pacer = createPacer(clock);
    await pacer.take('a');
    pacer.done('a', 5_000);
    expect(pacer.nextAt('a')).toBe(5_000);
    await pacer.take('a');
    pacer.done('a', 100);
    expect(pacer.nextAt('a')).toBe(6_000);
  });
});
