import type { z } from 'zod';
import { INVALID } from '../events/check-runtime.js';
import type { SlackMessage } from '../formatters/slack-message.js';
import { RELAY_CHECKS } from './relay-checks.generated.js';
import type { RelayOutput, RelaySchemaName } from './relay-schemas.js';

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

/**
 * The named schema's verdict: its generated check for valid input, and zod
 * (loaded the first time a record fails, off the cold path) to say why not.
 */
const check = async <K extends RelaySchemaName>(
  name: K,
  input: unknown
): Promise<{ data: RelayOutput<K> } | { issues: string }> => {
  const value = RELAY_CHECKS[name](input);
  if (value !== INVALID) return { data: value as RelayOutput<K> };
  const { RELAY_SCHEMAS } = await import('./relay-schemas.js');
  const schema: z.ZodType = RELAY_SCHEMAS[name];
  const parsed = schema.safeParse(input);
  return parsed.success
    ? { data: parsed.data as RelayOutput<K> }
    : { issues: issues(parsed.error) };
};

/** Reads one SQS record body; an error names what is wrong (never retried). */
export const readNotification = async (
  body: string
): Promise<RelayedMessage | { readonly error: string }> => {
  const envelope = await check('snsNotification', json(body));
  if ('issues' in envelope) {
    return { error: `not an SNS notification: ${envelope.issues}` };
  }
  const { MessageId, TopicArn, Message, MessageAttributes } = envelope.data;
  const message = await check('slackMessage', json(Message));
  if ('issues' in message) {
    return {
      error: `the SNS message is not a Slack message (format: slack): ${message.issues}`,
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
