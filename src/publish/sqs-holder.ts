import type { Publisher, PublishResult } from './publisher.js';
import { errorCode } from './sns-errors.js';

/** Sends one message to a queue after a delay; resolves with its message id. */
export type SendToQueue = (request: {
  readonly queueUrl: string;
  readonly body: string;
  readonly delaySeconds: number;
}) => Promise<string>;

/** SQS errors a retry cannot fix: the queue, its key or the request is wrong. */
const PERMANENT = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'QueueDoesNotExist',
  'AWS.SimpleQueueService.NonExistentQueue',
  'InvalidParameterValue',
  'InvalidMessageContents',
  'UnsupportedOperation',
  'KmsAccessDenied',
  'KmsDisabled',
  'KmsNotFound',
  'KmsInvalidState',
  'KmsOptInRequired',
]);

const DNS_SUFFIX: Readonly<Record<string, string>> = {
  'aws-cn': 'amazonaws.com.cn',
};

/**
 * The URL of a queue from its ARN (`arn:<partition>:sqs:<region>:<account>:<name>`),
 * as SQS forms it: `https://sqs.<region>.<dns suffix>/<account>/<name>`.
 */
export const queueUrlOf = (queueArn: string): string => {
  const [, partition, service, region, account, name] = queueArn.split(':');
  if (service !== 'sqs' || !partition || !region || !account || !name) {
    throw new Error(`${queueArn} is not an SQS queue ARN`);
  }
  const suffix = DNS_SUFFIX[partition] ?? 'amazonaws.com';
  return `https://sqs.${region}.${suffix}/${account}/${name}`;
};

/**
 * The holder of buffered mode: a `Publisher` for held chunks, which sends
 * each to the queue named by its `topicArn` with its `delaySeconds`, one
 * `SendMessage` a chunk (a chunk is up to 200 KB: batching saves nothing).
 * Never throws for a message's failure.
 */
export const createSqsHolder = (send: SendToQueue): Publisher => ({
  publish: async (messages, onResult) => {
    const results: PublishResult[] = [];
    for (const [index, message] of messages.entries()) {
      let result: PublishResult;
      try {
        const messageId = await send({
          queueUrl: queueUrlOf(message.topicArn),
          body: message.body,
          delaySeconds: message.delaySeconds ?? 0,
        });
        result = { ok: true, messageId };
      } catch (error) {
        const code = errorCode(error);
        result = {
          ok: false,
          retryable: !PERMANENT.has(code),
          code,
          message: error instanceof Error ? error.message : String(error),
        };
      }
      results.push(result);
      await onResult?.(index, result);
    }
    return results;
  },
});
