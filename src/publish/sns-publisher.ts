import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import type { OutgoingMessage, Publisher, PublishResult } from './publisher.js';
import { errorCode, isPermanentSnsError } from './sns-errors.js';

const toAttributes = (attributes: OutgoingMessage['attributes']) =>
  Object.fromEntries(
    Object.entries(attributes)
      .filter(([, value]) => value !== '')
      .map(([name, value]) => [
        name,
        { DataType: 'String', StringValue: value },
      ])
  );

/**
 * Publishes through SNS `Publish`. Throttling and server errors are retried
 * by the SDK's own retry strategy (configured on the client); what is left
 * after it is reported as a failed result, marked retryable or not.
 */
export const createSnsPublisher = (client: SNSClient): Publisher => ({
  publish: async (messages) => {
    const results: PublishResult[] = [];
    for (const message of messages) {
      try {
        const output = await client.send(
          new PublishCommand({
            TopicArn: message.topicArn,
            Subject: message.subject,
            Message: message.body,
            MessageStructure: message.structure,
            MessageAttributes: toAttributes(message.attributes),
          })
        );
        results.push({ ok: true, messageId: output.MessageId ?? 'unknown' });
      } catch (error) {
        const code = errorCode(error);
        results.push({
          ok: false,
          retryable: !isPermanentSnsError(code),
          code,
          message: error instanceof Error ? error.message : String(error),
        });
      }
    }
    return results;
  },
});
