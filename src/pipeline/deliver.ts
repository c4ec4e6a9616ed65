import type { DedupStore } from '../dedup/dedup-store.js';
import type {
  OutgoingMessage,
  Publisher,
  PublishResult,
} from '../publish/publisher.js';
import type { Claimed } from './claim-for.js';
import type { Log } from './log.js';
import type { Delivery, DigestRef, HeldRef } from './outcome.js';

/** A claim with its rendered message (shared by the claims of a grouped notice or digest). */
export type Pending = Claimed & {
  readonly message: OutgoingMessage;
  readonly digest?: DigestRef;
  /** Held for its burst's digest: `message` is a chunk for the queue. */
  readonly held?: HeldRef;
};

/** What delivering needs: the store to confirm or release, the publisher. */
export type DeliverDeps = {
  readonly dedup: DedupStore;
  readonly publisher: Publisher;
  /** Buffered mode: sends held chunks (`delaySeconds`) to the function's queue. */
  readonly holder?: Publisher;
  readonly now: () => Date;
  readonly log: Log;
};

/**
 * Publishes to SNS, and sends held chunks to the queue through the holder:
 * one result per message, in order, each reported as soon as it is known.
 */
const sendAll = async (
  deps: DeliverDeps,
  messages: readonly OutgoingMessage[],
  onResult: NonNullable<Parameters<Publisher['publish']>[1]>
): Promise<readonly PublishResult[]> => {
  const held = messages.flatMap((message, index) =>
    message.delaySeconds === undefined ? [] : [index]
  );
  if (held.length === 0) return deps.publisher.publish(messages, onResult);
  if (!deps.holder) throw new Error('held findings but no queue to hold them');
  const sns = messages.flatMap((message, index) =>
    message.delaySeconds === undefined ? [index] : []
  );
  const results: PublishResult[] = [];
  for (const [indices, sink] of [
    [sns, deps.publisher],
    [held, deps.holder],
  ] as const) {
    if (indices.length === 0) continue;
    const out = await sink.publish(
      indices.map((index) => messages[index] as OutgoingMessage),
      (position, result) => onResult(indices[position] as number, result)
    );
    out.forEach((result, position) => {
      results[indices[position] as number] = result;
    });
  }
  return results;
};

/** Gives claims back; a failure to do so only delays them to the lease end. */
export const releaseAll = async (
  { dedup, log }: Pick<DeliverDeps, 'dedup' | 'log'>,
  claims: readonly Claimed[]
): Promise<void> => {
  await Promise.all(
    claims.map(async (claim) => {
      try {
        await dedup.release(claim.key, claim.token);
      } catch (error) {
        log.error('dedup claim not released; it blocks until its lease ends', {
          key: claim.key,
          error: String(error),
        });
      }
    })
  );
};

/**
 * Publishes claimed messages and settles each claim as soon as its publish
 * has returned, before the next SNS call goes out: a published claim is
 * confirmed, a failed one released (so a retry of the event can announce
 * it). A timeout part-way thus leaves only the unsent claims unconfirmed.
 * If the publisher throws, every claim not yet settled is released before
 * the error propagates.
 */
export const createDeliver =
  (deps: DeliverDeps) =>
  async (pending: readonly Pending[]): Promise<Delivery[]> => {
    if (pending.length === 0) return [];
    // Claims that share a message (a grouped notice, a digest) publish it once.
    const byMessage = new Map<OutgoingMessage, Pending[]>();
    for (const claim of pending) {
      const claims = byMessage.get(claim.message) ?? [];
      claims.push(claim);
      byMessage.set(claim.message, claims);
    }
    const messages = [...byMessage.keys()];
    const claimsOf = (index: number) =>
      byMessage.get(messages[index] as OutgoingMessage) ?? [];
    const settled = new Set<number>();
    const settle = async (index: number, ok: boolean) => {
      if (settled.has(index)) return;
      settled.add(index);
      const claims = claimsOf(index);
      if (ok) await Promise.all(claims.map((claim) => confirm(deps, claim)));
      else await releaseAll(deps, claims);
    };
    let published: Awaited<ReturnType<Publisher['publish']>>;
    try {
      published = await sendAll(deps, messages, (index, result) =>
        settle(index, result.ok)
      );
    } catch (error) {
      await releaseAll(
        deps,
        messages.flatMap((_, index) =>
          settled.has(index) ? [] : claimsOf(index)
        )
      );
      throw error;
    }
    // A publisher that did not report a result: settle it now.
    await Promise.all(
      messages.map((_, index) => settle(index, published[index]?.ok === true))
    );
    const resultOf = new Map(
      messages.map((message, index) => [message, published[index]])
    );
    const results = pending.map((claim) => resultOf.get(claim.message));
    return pending.map((claim, index): Delivery => {
      const result = results[index];
      const base = {
        route: claim.route.name,
        topicArn: claim.route.topicArn,
        format: claim.route.format,
        variant: claim.variant,
        message: claim.message,
        ...(claim.digest ? { digest: claim.digest } : {}),
      };
      if (result?.ok && claim.held) {
        // The chunk is not a message anyone reads: its digest is, later.
        const { message: _chunk, ...rest } = base;
        return {
          ...rest,
          outcome: 'held',
          reason: `held for the burst digest of ${claim.held.burst}`,
          messageId: result.messageId,
          held: claim.held,
        };
      }
      if (result?.ok) {
        return { ...base, outcome: 'published', messageId: result.messageId };
      }
      return {
        ...base,
        outcome: 'failed',
        reason: result
          ? `${result.code}: ${result.message}`
          : 'no publish result',
        errorCode: result ? result.code : 'NoPublishResult',
        retryable: result ? result.retryable : true,
      };
    });
  };

/*
 * The message is out: throwing now would make Lambda publish it again. A
 * confirm that fails (or finds its claim taken over after the lease) is
 * logged; the worst case is one more announcement of this state later.
 */
const confirm = async (deps: DeliverDeps, claim: Pending): Promise<void> => {
  try {
    const held = await deps.dedup.confirm(claim.key, claim.token, deps.now());
    if (!held) {
      deps.log.warn('published after the dedup lease ended', {
        key: claim.key,
        route: claim.route.name,
        findingId: claim.message.findingId,
      });
    }
  } catch (error) {
    deps.log.error('published but not recorded in the dedup store', {
      key: claim.key,
      route: claim.route.name,
      findingId: claim.message.findingId,
      error: String(error),
    });
  }
};
