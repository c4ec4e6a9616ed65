import {
  SendMessageCommand,
  type SendMessageCommandInput,
  type SQSClient,
} from '@aws-sdk/client-sqs';

/** A message the relay cannot post, with why. */
export type KeptMessage = {
  /** The SQS record body as received (the SNS envelope), to redrive as is. */
  readonly body: string;
  readonly route: string | undefined;
  readonly reason: string;
};

/**
 * Keeps what Slack refused for good, so nothing is dropped silently. `keep`
 * throws when it could not keep the message: the record then goes back to
 * the queue instead of being deleted.
 */
export type FailureKeeper = {
  keep(message: KeptMessage): Promise<void>;
};

const attribute = (value: string) => ({
  DataType: 'String',
  // SQS attribute values are at most 256 KiB with the body; reasons are short.
  StringValue: value.slice(0, 1_000),
});

/**
 * Sends kept messages to the relay's dead-letter queue (the same queue the
 * relay queue's redrive policy uses), with the reason and route as message
 * attributes: `sqs:SendMessage` on that queue only.
 */
export const sqsFailureKeeper = (
  client: SQSClient,
  queueUrl: string
): FailureKeeper => ({
  keep: async ({ body, route, reason }) => {
    const input: SendMessageCommandInput = {
      QueueUrl: queueUrl,
      MessageBody: body,
      MessageAttributes: {
        error: attribute(reason),
        ...(route ? { route: attribute(route) } : {}),
      },
    };
    await client.send(new SendMessageCommand(input));
  },
});
