import * as z from 'zod';
import type { SlackMessage } from '../formatters/slack-message.js';

/**
 * An SNS notification as an SQS subscription without raw message delivery
 * receives it: the body is SNS's JSON envelope (`MessageId` stays the same
 * when SNS delivers a message again).
 */
const SnsNotificationSchema = z.object({
  Type: z.literal('Notification'),
  MessageId: z.string().min(1),
  TopicArn: z.string().min(1),
  Message: z.string(),
  MessageAttributes: z
    .record(z.string(), z.object({ Type: z.string(), Value: z.string() }))
    .optional(),
});

/** A Block Kit message as the `slack` format publishes it. */
const SlackMessageSchema = z.object({
  text: z.string().min(1),
  blocks: z
    .array(z.looseObject({ type: z.string().min(1) }))
    .min(1)
    .max(50),
});

export type RelayedMessage = {
  readonly snsMessageId: string;
  readonly topicArn: string;
  /** The SNS message attribute `route` the notifier publishes with. */
  readonly route: string | undefined;
  readonly message: SlackMessage;
};

const issues = (error: z.ZodError): string =>
  error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('; ');

const json = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

/** Reads one SQS record body; an error names what is wrong (never retried). */
export const readNotification = (
  body: string
): RelayedMessage | { readonly error: string } => {
  const envelope = SnsNotificationSchema.safeParse(json(body));
  if (!envelope.success) {
    return { error: `not an SNS notification: ${issues(envelope.error)}` };
  }
  const { MessageId, TopicArn, Message, MessageAttributes } = envelope.data;
  const message = SlackMessageSchema.safeParse(json(Message));
  if (!message.success) {
    return {
      error: `the SNS message is not a Slack message (format: slack): ${issues(message.error)}`,
    };
  }
  return {
    snsMessageId: MessageId,
    topicArn: TopicArn,
    route: MessageAttributes?.route?.Value,
    // Shape checked above; the blocks' own limits are Slack's to judge.
    message: message.data as SlackMessage,
  };
};
