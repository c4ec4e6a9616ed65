import type { SQSRecord } from 'aws-lambda';
import { sqsRecordOf } from '../handler/sqs-batch.js';
import type { Publisher } from '../publish/publisher.js';

/** Lambda's largest SQS batch (the event source mapping's `BatchSize`). */
export const MAX_BATCH_RECORDS = 10_000;
/** Lambda's invocation payload limit: a batch closes before 6 MB of bodies. */
export const MAX_BATCH_BYTES = 6 * 1024 * 1024;

type Message = {
  readonly record: SQSRecord;
  readonly at: number;
  readonly bytes: number;
  readonly seq: number;
  readonly tag: unknown;
};

/** One batch as the event source mapping hands it over, and when. */
export type SimulatedBatch = {
  /** When the batch closed: its window ended, or it was full. */
  readonly closesAt: number;
  readonly records: readonly SQSRecord[];
  /** What each record was sent with (`send`'s `tag`). */
  readonly tags: readonly unknown[];
};

/**
 * The buffer queue and its event source mapping, in simulated time: a batch
 * opens with the first visible message and takes what becomes visible
 * within `windowMs`, closing early at 10,000 records or 6 MB of bodies.
 * `holder` is the function's view of the queue: held chunks it sends
 * become visible `delaySeconds` after `now()`. One poller (Lambda may
 * split a window's messages between concurrent batches; this never does).
 */
export const createSimulatedQueue = ({
  windowMs,
  now,
  arn = 'arn:aws:sqs:us-east-1:123456789012:findings-notifier-buffer',
}: {
  readonly windowMs: number;
  /** The simulated clock (the close of the batch being handled). */
  readonly now: () => number;
  readonly arn?: string;
}) => {
  const messages: Message[] = [];
  let seq = 0;

  const send = (body: string, at: number, tag?: unknown): string => {
    seq += 1;
    const id = `sim-${seq}`;
    const message: Message = {
      record: { ...sqsRecordOf(id, body, at), eventSourceARN: arn },
      at,
      bytes: Buffer.byteLength(body),
      seq,
      tag,
    };
    // Usually appended in time order; held chunks land later in the list.
    let position = messages.length;
    while (position > 0 && (messages[position - 1] as Message).at > at)
      position -= 1;
    messages.splice(position, 0, message);
    return id;
  };

  const nextBatch = (): SimulatedBatch | undefined => {
    const first = messages[0];
    if (!first) return undefined;
    let closesAt = first.at + windowMs;
    let count = 0;
    let bytes = 0;
    for (const message of messages) {
      if (message.at >= first.at + windowMs) break;
      if (
        count === MAX_BATCH_RECORDS ||
        bytes + message.bytes > MAX_BATCH_BYTES
      ) {
        closesAt = message.at;
        break;
      }
      count += 1;
      bytes += message.bytes;
    }
    const taken = messages.splice(0, count);
    return {
      closesAt,
      records: taken.map((message) => message.record),
      tags: taken.map((message) => message.tag),
    };
  };

  const holder: Publisher = {
    publish: async (outgoing, onResult) => {
      const results = [];
      for (const [index, message] of outgoing.entries()) {
        const at = now() + (message.delaySeconds ?? 0) * 1000;
        const result = { ok: true as const, messageId: send(message.body, at) };
        results.push(result);
        await onResult?.(index, result);
      }
      return results;
    },
  };

  return { send, nextBatch, holder, arn, pending: () => messages.length };
};
