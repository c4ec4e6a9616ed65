import type { IncomingWebhookSendArguments } from '@slack/webhook';
import type { Clock } from './clock.js';
import type { Pacer } from './pacer.js';
import type { PostResult } from './post-result.js';
import type { PostMessage } from './webhook-poster.js';
import { REQUEST_TIMEOUT_MS } from './webhook-poster.js';

/** Retries after a 5xx or no answer: exponential backoff, no jitter (one consumer per channel). */
export type RetryPolicy = {
  /** Posts that may fail transiently before the message is given back to the queue. @default 4 */
  readonly maxTransientFailures: number;
  /** First backoff; doubles after each transient failure. @default 1_000 */
  readonly baseDelayMs: number;
  /** @default 8_000 */
  readonly maxDelayMs: number;
};

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxTransientFailures: 4,
  baseDelayMs: 1_000,
  maxDelayMs: 8_000,
};

export type Delivery =
  | {
      readonly kind: 'posted';
      readonly attempts: number;
      /** How many 429s were waited out. */
      readonly rateLimited: number;
    }
  /** Not posted yet, may succeed later: the queue delivers it again. */
  | { readonly kind: 'retry-later'; readonly reason: string }
  /** Slack refused it for good: kept in the failure queue, never retried. */
  | { readonly kind: 'permanent'; readonly reason: string };

export type DeliverOptions = {
  readonly post: PostMessage;
  readonly message: IncomingWebhookSendArguments;
  /** The pacing key: one incoming webhook posts to one channel. */
  readonly channel: string;
  readonly pacer: Pacer;
  readonly clock: Clock;
  /** No post starts unless it can be answered before this time (ms since the epoch). */
  readonly deadline: number;
  readonly policy?: RetryPolicy;
};

/**
 * Posts one message, taking the channel's turn before every attempt (the
 * next turn comes at least 1 s after Slack's answer): a 429 holds the
 * channel for its `Retry-After` and tries again, a 5xx or no
 * answer backs off and tries again up to `maxTransientFailures`, a
 * permanent error stops at once. When the next turn would come too late for
 * this invocation, the message goes back to the queue (`retry-later`).
 */
export const deliver = async (options: DeliverOptions): Promise<Delivery> => {
  const { post, message, channel, pacer, clock, deadline } = options;
  const policy = options.policy ?? DEFAULT_RETRY_POLICY;
  let attempts = 0;
  let rateLimited = 0;
  let transient = 0;
  for (;;) {
    const startAt = Math.max(pacer.nextAt(channel), clock.now());
    if (startAt + REQUEST_TIMEOUT_MS > deadline) {
      return {
        kind: 'retry-later',
        reason: `the channel's next turn is too late for this invocation (after ${attempts} attempts, ${rateLimited} rate-limited)`,
      };
    }
    await pacer.take(channel);
    attempts += 1;
    let result: PostResult;
    try {
      result = await post(message);
    } catch (error) {
      pacer.done(channel);
      throw error;
    }
    switch (result.kind) {
      case 'posted':
        pacer.done(channel);
        return { kind: 'posted', attempts, rateLimited };
      case 'permanent':
        pacer.done(channel);
        return { kind: 'permanent', reason: result.reason };
      case 'rate-limited':
        rateLimited += 1;
        pacer.done(channel, result.retryAfterMs);
        break;
      case 'transient': {
        transient += 1;
        pacer.done(
          channel,
          Math.min(policy.baseDelayMs * 2 ** (transient - 1), policy.maxDelayMs)
        );
        if (transient >= policy.maxTransientFailures) {
          return {
            kind: 'retry-later',
            reason: `${result.reason} (${transient} transient failures)`,
          };
        }
        break;
      }
    }
  }
};
