import * as z from 'zod';
import { ConditionSchema } from '../filters/condition-schema.js';
import { CUSTOM_ACTION_ROUTE_KEYS } from './custom-action-route-keys.js';
import { DigestSchema } from './digest-schema.js';
import { DIGEST_DEFAULTS } from './digest-settings.js';
import { MESSAGE_FORMATS } from './message-formats.js';
import { RouteSlackSchema } from './slack-relay-schema.js';

const SNS_TOPIC_ARN =
  /^arn:(aws|aws-cn|aws-us-gov):sns:([a-z]{2}(-[a-z]+)+-\d):\d{12}:[A-Za-z0-9_-]{1,256}$/;

/** AWS region names: a geography, a direction, a number (`eu-central-1`, `us-gov-west-1`). */
const AWS_REGION =
  /^(af|ap|ca|cn|eu|il|me|mx|sa|us|us-gov)-(central|north|south|east|west|northeast|northwest|southeast|southwest)-\d{1,2}$/;

/** The partition a region belongs to. */
const partitionOf = (region: string): string =>
  region.startsWith('cn-')
    ? 'aws-cn'
    : region.startsWith('us-gov-')
      ? 'aws-us-gov'
      : 'aws';

const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
const NAME_HINT = 'use 1-64 letters, digits, "_", "-" or "."';

/** One condition or a list of them (any of which may match). */
const conditions = z.preprocess(
  (value) => (value === undefined || Array.isArray(value) ? value : [value]),
  z.array(ConditionSchema).min(1, 'list at least one condition')
);

const topicArn = z.string().superRefine((arn, context) => {
  if (arn.endsWith('.fifo')) {
    context.addIssue({
      code: 'custom',
      message:
        'FIFO topics cannot deliver to AWS Chatbot (HTTPS); use a standard topic',
    });
  } else if (!SNS_TOPIC_ARN.test(arn)) {
    context.addIssue({
      code: 'custom',
      message:
        'expected a standard SNS topic ARN, e.g. arn:aws:sns:us-east-1:123456789012:security-findings',
    });
  } else {
    const [, partition = '', , region = ''] = arn.split(':');
    if (!AWS_REGION.test(region)) {
      context.addIssue({
        code: 'custom',
        message: `"${region}" is not an AWS region name`,
      });
    } else if (partitionOf(region) !== partition) {
      context.addIssue({
        code: 'custom',
        message: `region ${region} is in partition ${partitionOf(region)}, not ${partition}`,
      });
    }
  }
});

const DAY_MS = 86_400_000;

/**
 * `2027-01-31` (through that day: it ends at 2027-02-01T00:00:00Z) or a full
 * ISO-8601 timestamp with a zone.
 */
const expiry = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/,
    'expected a date (2027-01-31) or an ISO-8601 timestamp with a zone'
  )
  .refine((value) => {
    const time = Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value);
    // Date.parse rolls 2027-02-30 over to March: compare the calendar date back.
    return (
      !Number.isNaN(time) &&
      new Date(time).toISOString().slice(0, 10) === value.slice(0, 10)
    );
  }, 'not a real calendar date')
  // A date alone means through that day: until its end (UTC).
  .transform((value) =>
    value.length === 10
      ? new Date(Date.parse(`${value}T00:00:00Z`) + DAY_MS)
      : new Date(value)
  );

export const SuppressionSchema = z.strictObject({
  name: z.string().regex(NAME, NAME_HINT),
  /** Why these findings are not announced: shown in outcomes and logs. */
  reason: z.string().trim().min(1, 'say why these findings are suppressed'),
  /** From this moment the suppression no longer applies. */
  expires: expiry.optional(),
  match: conditions,
});

export const RouteSchema = z
  .strictObject({
    /** Unique name, shown in messages, logs and metrics. */
    name: z.string().regex(NAME, NAME_HINT),
    /** Standard SNS topic ARN (AWS Chatbot cannot subscribe to FIFO topics). */
    topicArn,
    /** @default 'chatbot' */
    format: z.enum(MESSAGE_FORMATS).default('chatbot'),
    /**
     * Publish per-protocol bodies in one message (SNS `MessageStructure`
     * json): e-mail (and SMS, `default`) subscribers get plain text, HTTPS
     * (AWS Chatbot), HTTP, SQS, Lambda and Firehose get `format`. One topic
     * then serves both people's inboxes and a chat channel.
     * @default false
     */
    perProtocol: z.boolean().default(false),
    /** The finding must match one of these conditions. @default everything */
    match: conditions.optional(),
    /** A finding matching any of these is not sent to this route. */
    exclude: conditions.optional(),
    /**
     * This route's own suppressions (name, reason, expiry): a finding one of
     * them matches is not sent here, and is `suppressed` when no route took it.
     */
    suppressions: z.array(SuppressionSchema).optional(),
    /** Once this route matched, later routes are not evaluated. @default false */
    stop: z.boolean().default(false),
    /**
     * Announce that a finding this route announced was resolved (closed,
     * archived, compliance passed).
     * @default false
     */
    announceResolutions: z.boolean().default(false),
    /**
     * After announcing a Security Hub (ASFF) finding whose workflow status is
     * NEW, set it to NOTIFIED with a note naming this route
     * (`securityhub:BatchUpdateFindings`).
     * @default false
     */
    acknowledge: z.boolean().default(false),
    /** This route's own dedup window; the global `dedup.windowHours` otherwise. */
    dedupWindowHours: z
      .number()
      .min(
        1 / 60,
        'at least one minute (1/60 hour): a shorter window turns dedup off'
      )
      .max(24 * 365)
      .optional(),
    /** Post this route's messages to a Slack incoming webhook (the Slack relay). */
    slack: RouteSlackSchema.optional(),
    /** How a burst on this route becomes digests (`src/config/digest-schema.ts`). */
    digest: DigestSchema.default(DIGEST_DEFAULTS),
    ...CUSTOM_ACTION_ROUTE_KEYS,
  })
  .superRefine((route, context) => {
    if (route.slack && route.format !== 'slack') {
      context.addIssue({
        code: 'custom',
        path: ['slack'],
        message: `the Slack relay posts Block Kit messages: set format: slack (not ${route.format})`,
      });
    }
  });

export const DedupSchema = z.strictObject({
  /**
   * How long one finding state stays announced; the same state after the
   * window is announced again as a reminder.
   * @default 24
   */
  windowHours: z
    .number()
    .min(
      1 / 60,
      'at least one minute (1/60 hour): a shorter window turns dedup off'
    )
    .max(24 * 365)
    .default(24),
});

const region = z
  .string()
  .regex(AWS_REGION, 'expected an AWS Region name, e.g. eu-west-1');

/** The notifier's configuration file (YAML or JSON). */
export const ConfigSchema = z.strictObject({
  /** Evaluated in order; names are unique. */
  routes: z.array(RouteSchema).min(1, 'define at least one route'),
  /** Checked before routes; names are unique. @default [] */
  suppressions: z.array(SuppressionSchema).default([]),
  dedup: DedupSchema.default({ windowHours: 24 }),
  /** Lowest level logged by the function. @default 'INFO' */
  logLevel: z.enum(['DEBUG', 'INFO', 'WARN', 'ERROR']).default('INFO'),
  /**
   * Regions other than the function's own that route topics may be in: the
   * function publishes to each topic with an SNS client in the topic's
   * Region. Without it, every route topic must be in the Region the
   * function is deployed to (synth and `sam:params` refuse otherwise).
   * @default []
   */
  allowTopicRegions: z
    .array(region)
    .refine(
      (regions) => new Set(regions).size === regions.length,
      'list each Region once'
    )
    .default([]),
});

export type Route = z.output<typeof RouteSchema>;
export type Suppression = z.output<typeof SuppressionSchema>;
export type Config = z.output<typeof ConfigSchema>;
