import * as z from 'zod';
import { MESSAGE_FORMATS } from '../format/formats.js';

const SNS_TOPIC_ARN =
  /^arn:(aws|aws-cn|aws-us-gov):sns:[a-z]{2}(-[a-z]+)+-\d:\d{12}:[A-Za-z0-9_-]{1,256}$/;

export const RouteSchema = z.strictObject({
  /** Unique name, shown in messages, logs and metrics. */
  name: z
    .string()
    .regex(
      /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/,
      'use 1-64 letters, digits, "_", "-" or "."'
    ),
  /** Standard SNS topic ARN (AWS Chatbot cannot subscribe to FIFO topics). */
  topicArn: z
    .string()
    .regex(
      SNS_TOPIC_ARN,
      'expected a standard SNS topic ARN, e.g. arn:aws:sns:us-east-1:123456789012:security-findings'
    ),
  /** @default 'chatbot' */
  format: z.enum(MESSAGE_FORMATS).default('chatbot'),
  /**
   * Announce that a finding this route announced was resolved (closed,
   * archived, compliance passed).
   * @default false
   */
  announceResolutions: z.boolean().default(false),
  /** This route's own dedup window; the global `dedup.windowHours` otherwise. */
  dedupWindowHours: z
    .number()
    .positive()
    .max(24 * 365)
    .optional(),
});

export const DedupSchema = z.strictObject({
  /**
   * How long one finding state stays announced; the same state after the
   * window is announced again as a reminder.
   * @default 24
   */
  windowHours: z
    .number()
    .positive()
    .max(24 * 365)
    .default(24),
});

/** The notifier's configuration file (YAML or JSON). */
export const ConfigSchema = z.strictObject({
  routes: z.array(RouteSchema).min(1, 'define at least one route'),
  dedup: DedupSchema.default({ windowHours: 24 }),
});

export type Route = z.infer<typeof RouteSchema>;
export type Config = z.infer<typeof ConfigSchema>;
