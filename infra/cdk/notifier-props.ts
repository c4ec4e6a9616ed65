import type { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type { Config } from '../../src/config/config-schema.js';
import { DEFAULT_LEASE_MS } from '../../src/dedup/dedup-store.js';
import type { CustomActionTarget } from './steps/custom-action-targets.js';

/**
 * Time an invocation's claims stay live after its deadline, so that a
 * function stopped at its timeout never leaves a claim another invocation
 * could take while the first one's publish is still in flight.
 */
export const LEASE_MARGIN_SECONDS = 15;

/**
 * The longest function timeout: the dedup claim lease less the margin
 * (45 s - 15 s = 30 s). A longer run could announce a finding twice.
 */
export const MAX_TIMEOUT_SECONDS =
  DEFAULT_LEASE_MS / 1000 - LEASE_MARGIN_SECONDS;

/** How the buffer queue hands batches to the function (buffered mode). */
export type BufferingProps = {
  /** How long the event source mapping gathers records. @default 20 s (at most 300 s) */
  readonly batchingWindow?: Duration;
  /** Records per batch (Lambda also closes a batch at 6 MB). @default 10_000 */
  readonly batchSize?: number;
  /** Concurrent batches. @default 2 (the least Lambda allows) */
  readonly maxConcurrency?: number;
  /** Deliveries of a record before it goes to the dead-letter queue. @default 5 */
  readonly maxReceiveCount?: number;
};

/** An AWS Chatbot (Amazon Q Developer in chat applications) Slack channel. */
export type SlackChannelProps = {
  /** Slack workspace (team) id, e.g. `T0123ABCD`, authorised once in the console. */
  readonly workspaceId: string;
  /** Slack channel id, e.g. `C0123ABCD`. */
  readonly channelId: string;
};

/**
 * The construct creates one standard topic per route topic ARN, named as in
 * the ARN (the stack must deploy to the ARNs' account and region; a
 * CloudFormation rule checks it).
 */
export type CreatedTopics = {
  readonly kind: 'create';
  /**
   * Encrypt the topics with a customer-managed KMS key. Turn off only if
   * your AWS Chatbot channel does not receive messages from encrypted topics
   * (docs/deploy.md, "Encryption and AWS Chatbot").
   * @default true
   */
  readonly encrypt?: boolean;
};

/** The function publishes to the config's topic ARNs as they are. */
export type ExistingTopics = {
  readonly kind: 'existing';
  /** KMS keys of the encrypted topics, which the function must be able to use. */
  readonly keyArns?: readonly string[];
};

export type FindingsNotifierProps = {
  /** The validated config; the same file must be bundled in `code`. */
  readonly config: Config;
  /**
   * Whether the function may acknowledge findings in Security Hub: grants
   * `securityhub:BatchUpdateFindings`.
   * @default true when some route in `config` sets `acknowledge: true`
   */
  readonly acknowledges?: boolean;
  /** @default the bundle `npm run build` writes to dist/notify-findings */
  readonly code?: lambda.Code;
  /** @default { kind: 'create' } */
  readonly topics?: CreatedTopics | ExistingTopics;
  /** @default 256 */
  readonly memorySize?: number;
  /**
   * `buffered`: EventBridge rules → SQS queue → the function in batches;
   * bursts become digests (infra/cdk/steps/buffered-mode.ts). `direct`:
   * the rules invoke the function per event, the lowest latency.
   * @default 'buffered'
   */
  readonly mode?: 'buffered' | 'direct';
  /** Buffered mode: batching window, batch size, concurrency, receives. */
  readonly buffering?: BufferingProps;
  /**
   * Direct mode: at most MAX_TIMEOUT_SECONDS (30 s); buffered mode: at most
   * 600 s. The claim lease (timeout + 15 s) and the queue's visibility
   * timeout are derived from it.
   * @default 30 s direct, 120 s buffered
   */
  readonly timeout?: Duration;
  /** @default no reserved concurrency */
  readonly reservedConcurrency?: number;
  /** @default logs.RetentionDays.THREE_MONTHS */
  readonly logRetention?: logs.RetentionDays;
  /** Subscribe AWS Chatbot in this Slack channel to the route topics. */
  readonly slack?: SlackChannelProps;
  /**
   * SNS topic the failure alarms notify (for example one AWS Chatbot is
   * subscribed to). Without it the alarms only change state in CloudWatch.
   * An encrypted topic's key policy must let `cloudwatch.amazonaws.com` use it.
   */
  /** The Slack relay's code. @default Code.fromAsset('dist/relay-slack') (run `npm run build` first) */
  readonly relayCode?: lambda.Code;
  readonly alarmTopicArn?: string;
  /** @default RemovalPolicy.RETAIN for the dedup table */
  /**
   * Security Hub custom actions to create (`AWS::SecurityHub::ActionTarget`);
   * a route must serve custom actions (`customAction` in its match).
   */
  readonly customActions?: readonly CustomActionTarget[];
  readonly tableRemovalPolicy?: RemovalPolicy;
};
