import {
  PublishBatchCommand,
  type PublishBatchRequestEntry,
  PublishCommand,
  SNSClient,
} from '@aws-sdk/client-sns';
import { messageBytes, SNS_MAX_BYTES } from '../formatters/sns-limits.js';
import type { OutgoingMessage, Publisher, PublishResult } from './publisher.js';
import type { SnsClientForTopic } from './regional-sns-clients.js';
import { errorCode, isPermanentSnsError } from './sns-errors.js';

/** SNS `PublishBatch` takes 1–10 entries. */
export const MAX_BATCH_ENTRIES = 10;

const toAttributes = (attributes: OutgoingMessage['attributes']) =>
  Object.fromEntries(
    Object.entries(attributes)
      .filter(([, value]) => value !== '')
      .map(([name, value]) => [
        name,
        { DataType: 'String', StringValue: value },
      ])
  );

type Indexed = { readonly index: number; readonly message: OutgoingMessage };

/**
 * Groups messages by topic into batches of at most 10 entries and 256 KiB
 * in total, keeping each message's index in the input.
 */
export const planBatches = (
  messages: readonly OutgoingMessage[]
): Indexed[][] => {
  const byTopic = new Map<string, Indexed[]>();
  messages.forEach((message, index) => {
    const group = byTopic.get(message.topicArn) ?? [];
    group.push({ index, message });
    byTopic.set(message.topicArn, group);
  });
  const batches: Indexed[][] = [];
  for (const group of byTopic.values()) {
    let batch: Indexed[] = [];
    let bytes = 0;
    for (const item of group) {
      const size = messageBytes(item.message.body, item.message.attributes);
      if (
        batch.length > 0 &&
        (batch.length === MAX_BATCH_ENTRIES || bytes + size > SNS_MAX_BYTES)
      ) {
        batches.push(batch);
        batch = [];
        bytes = 0;
      }
      batch.push(item);
      bytes += size;
    }
    if (batch.length > 0) batches.push(batch);
  }
  return batches;
};

const failure = (error: unknown): PublishResult => {
  const code = errorCode(error);
  return {
    ok: false,
    retryable: !isPermanentSnsError(code),
    code,
    message: error instanceof Error ? error.message : String(error),
  };
};

/**
 * Publishes through SNS: messages for one topic go out with `PublishBatch`
 * (at most 10 entries and 256 KiB per call, `Failed[]` always read; an
 * entry with `SenderFault` is permanent), a lone message with `Publish`.
 * Throttling and server errors are retried by the SDK's retry strategy
 * (`SNS_CLIENT_OPTIONS`); what is left is reported as a failed result,
 * marked retryable or not. Never throws for a message's failure. Given a
 * client per topic (`regionalSnsClients`), each call goes to the client of
 * its topic's Region.
 */
export const createSnsPublisher = (
  clients: SNSClient | SnsClientForTopic
): Publisher => {
  const clientFor: SnsClientForTopic =
    clients instanceof SNSClient ? () => clients : clients;
  const publishOne = async (
    message: OutgoingMessage
  ): Promise<PublishResult> => {
    try {
      const output = await clientFor(message.topicArn).send(
        new PublishCommand({
          TopicArn: message.topicArn,
          Subject: message.subject,
          Message: message.body,
          MessageStructure: message.structure,
          MessageAttributes: toAttributes(message.attributes),
        })
      );
      return { ok: true, messageId: output.MessageId ?? 'unknown' };
    } catch (error) {
      return failure(error);
    }
  };

  const publishBatch = async (
    batch: readonly Indexed[]
  ): Promise<PublishResult[]> => {
    const entries = batch.map(
      ({ message }, position): PublishBatchRequestEntry => ({
        Id: `m${position}`,
        Subject: message.subject,
        Message: message.body,
        MessageStructure: message.structure,
        MessageAttributes: toAttributes(message.attributes),
      })
    );
    const topicArn = batch[0]?.message.topicArn ?? '';
    try {
      const output = await clientFor(topicArn).send(
        new PublishBatchCommand({
          TopicArn: topicArn,
          PublishBatchRequestEntries: entries,
        })
      );
      const succeeded = new Map(
        (output.Successful ?? []).map((entry) => [entry.Id, entry])
      );
      const failed = new Map(
        (output.Failed ?? []).map((entry) => [entry.Id, entry])
      );
      return entries.map((entry): PublishResult => {
        const ok = succeeded.get(entry.Id);
        if (ok) return { ok: true, messageId: ok.MessageId ?? 'unknown' };
        const bad = failed.get(entry.Id);
        if (bad) {
          const code = bad.Code ?? 'UnknownError';
          return {
            ok: false,
            retryable: !bad.SenderFault && !isPermanentSnsError(code),
            code,
            message: bad.Message ?? code,
          };
        }
        return {
          ok: false,
          retryable: true,
          code: 'NoBatchResult',
          message: 'PublishBatch returned no result for this entry',
        };
      });
    } catch (error) {
      return batch.map(() => failure(error));
    }
  };

  return {
    publish: async (messages, onResult) => {
      const results: PublishResult[] = new Array(messages.length);
      for (const batch of planBatches(messages)) {
        const batchResults =
          batch.length === 1 && batch[0]
            ? [await publishOne(batch[0].message)]
            : await publishBatch(batch);
        const settled = batch.map(({ index }, position) => {
          const result = batchResults[position] ?? {
            ok: false,
            retryable: true,
            code: 'NoBatchResult',
            message: 'no result',
          };
          results[index] = result;
          return onResult?.(index, result);
        });
        // Recorded before the next call goes out.
        await Promise.all(settled);
      }
      return results;
    },
  };
};
