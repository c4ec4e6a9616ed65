import * as z from 'zod';

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

/**
 * What the relay validates, by name. It checks valid records with the
 * checks generated from these (`relay-checks.generated.ts`) and loads this
 * module, and zod, only to say why a record failed.
 */
export const RELAY_SCHEMAS = {
  snsNotification: SnsNotificationSchema,
  slackMessage: SlackMessageSchema,
} as const;

export type RelaySchemas = typeof RELAY_SCHEMAS;
export type RelaySchemaName = keyof RelaySchemas;
export type RelayOutput<K extends RelaySchemaName> = z.output<RelaySchemas[K]>;
