import type { SQSBatchResponse, SQSRecord } from 'aws-lambda';
import type { Clock } from './clock.js';
import { type Delivery, deliver, type RetryPolicy } from './deliver.js';
import type { DeliveryLog } from './delivery-log.js';
import type { FailureKeeper } from './failure-keeper.js';
import type { Pacer } from './pacer.js';
import { type RelayedMessage, readNotification } from './sns-notification.js';
import type { PostMessage } from './webhook-poster.js';

/** The logging the relay needs; Powertools' Logger satisfies it. */
export type RelayLog = {
  info(message: string, attributes: Record<string, unknown>): void;
  warn(message: string, attributes: Record<string, unknown>): void;
  error(message: string, attributes: Record<string, unknown>): void;
};

/** Where one route's messages go. */
export type RelayTarget = {
  /** Pacing key: routes posting through one webhook share one channel. */
  readonly channel: string;
  readonly post: PostMessage;
};

export type RelayDeps = {
  /** Route name → its webhook, for every route with `slack` in the config. */
  readonly targets: ReadonlyMap<string, RelayTarget>;
  readonly pacer: Pacer;
  readonly clock: Clock;
  readonly delivered: DeliveryLog;
  readonly keeper: FailureKeeper;
  readonly log: RelayLog;
  readonly policy?: RetryPolicy;
};

type Item = Pick<SQSRecord, 'messageId' | 'body'>;
type Ready = { record: Item; relayed: RelayedMessage; target: RelayTarget };

/**
 * Relays one SQS batch of SNS notifications to Slack and answers with the
 * records to deliver again (partial batch response). Per record:
 * - posted (or already posted by this environment: an SNS or SQS
 *   re-delivery) → done;
 * - unreadable, unknown route, or refused by Slack for good → kept in the
 *   failure queue with the reason and route, logged at ERROR, done;
 * - not posted yet (429s or 5xx past this invocation's time, retries used
 *   up) → handed back to the queue, logged at WARN.
 * Channels are served in parallel, each channel's messages one at a time.
 */
export const relayBatch = async (
  records: readonly Item[],
  deadline: number,
  deps: RelayDeps
): Promise<SQSBatchResponse> => {
  const retry: string[] = [];
  const keep = async (
    record: Item,
    route: string | undefined,
    reason: string
  ) => {
    deps.log.error('slack message kept: not posted', {
      sqsMessageId: record.messageId,
      ...(route ? { route } : {}),
      outcome: 'kept',
      reason,
    });
    try {
      await deps.keeper.keep({ body: record.body, route, reason });
    } catch (error) {
      deps.log.error(
        'could not keep the message: the queue delivers it again',
        {
          sqsMessageId: record.messageId,
          ...(route ? { route } : {}),
          error: (error as Error).name,
        }
      );
      retry.push(record.messageId);
    }
  };

  const channels = new Map<string, Ready[]>();
  for (const record of records) {
    const relayed = await readNotification(record.body);
    if ('error' in relayed) {
      await keep(record, undefined, relayed.error);
      continue;
    }
    const target = relayed.route ? deps.targets.get(relayed.route) : undefined;
    if (!target) {
      await keep(
        record,
        relayed.route,
        `no Slack webhook for route "${relayed.route ?? '(no route attribute)'}": give the route slack.webhookSecret`
      );
      continue;
    }
    const queue = channels.get(target.channel) ?? [];
    queue.push({ record, relayed, target });
    channels.set(target.channel, queue);
  }

  const settle = async ({
    record,
    relayed,
    target,
  }: Ready): Promise<Delivery['kind'] | 'duplicate'> => {
    const ids = {
      route: relayed.route,
      snsMessageId: relayed.snsMessageId,
      sqsMessageId: record.messageId,
    };
    if (deps.delivered.has(relayed.snsMessageId)) {
      deps.log.info('slack message already posted', {
        ...ids,
        outcome: 'duplicate',
      });
      return 'duplicate';
    }
    let delivery: Delivery;
    try {
      delivery = await deliver({
        post: target.post,
        message: relayed.message,
        channel: target.channel,
        pacer: deps.pacer,
        clock: deps.clock,
        deadline,
        ...(deps.policy ? { policy: deps.policy } : {}),
      });
    } catch (error) {
      delivery = { kind: 'retry-later', reason: (error as Error).name };
    }
    switch (delivery.kind) {
      case 'posted':
        deps.delivered.add(relayed.snsMessageId);
        deps.log.info('slack message posted', {
          ...ids,
          outcome: 'posted',
          attempts: delivery.attempts,
          rateLimited: delivery.rateLimited,
        });
        break;
      case 'permanent':
        await keep(record, relayed.route, delivery.reason);
        break;
      case 'retry-later':
        deps.log.warn(
          'slack message not posted yet: the queue delivers it again',
          {
            ...ids,
            outcome: 'retry',
            reason: delivery.reason,
          }
        );
        retry.push(record.messageId);
        break;
    }
    return delivery.kind;
  };

  await Promise.all(
    [...channels.values()].map(async (queue) => {
      // Once a channel's message must wait for a later invocation, so do
      // the ones behind it: they would only spend this one's time.
      let behind = false;
      for (const ready of queue) {
        if (behind && !deps.delivered.has(ready.relayed.snsMessageId)) {
          deps.log.warn(
            'slack message not posted yet: the queue delivers it again',
            {
              route: ready.relayed.route,
              snsMessageId: ready.relayed.snsMessageId,
              sqsMessageId: ready.record.messageId,
              outcome: 'retry',
              reason:
                'an earlier message to this channel could not be posted in this invocation',
            }
          );
          retry.push(ready.record.messageId);
          continue;
        }
        if ((await settle(ready)) === 'retry-later') behind = true;
      }
    })
  );
  return {
    batchItemFailures: retry.map((itemIdentifier) => ({ itemIdentifier })),
  };
};
