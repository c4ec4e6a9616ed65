import { fileURLToPath } from 'node:url';
import { ArnFormat, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import { SqsSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { Config } from '../../../src/config/config-schema.js';
import { CONFIG_ENV } from '../../../src/config/config-source.js';
import { RELAY_FAILURE_QUEUE_ENV } from '../../../src/slack-relay/relay-env.js';
import { relayRoutes } from '../../../src/slack-relay/webhook-targets.js';
import { BUNDLED_CONFIG_PATH } from '../../notifier-config.js';
import {
  failedEventsQueue,
  notifyAlarms,
  queueAlarm,
} from './failure-paths.js';

/** The relay bundle `npm run build` writes. */
const BUNDLE_DIR = fileURLToPath(
  new URL('../../../dist/relay-slack', import.meta.url)
);

/**
 * The relay's timing, shared with the SAM template (checked by the tests):
 * a batch of 10 at one post a second per channel, with room for 429 waits;
 * SQS hides a received batch for 6 × the timeout (AWS's advice for SQS
 * event sources); a message handed back 10 times goes to the dead-letter
 * queue (about an hour of Slack trouble).
 */
export const SLACK_RELAY = {
  timeoutSeconds: 60,
  memorySize: 256,
  batchSize: 10,
  visibilityTimeoutSeconds: 360,
  maxReceiveCount: 10,
  /** One environment at a time: the per-channel pacing holds across invocations. */
  reservedConcurrency: 1,
  /** An alarm when the oldest message waited this long: the relay is stuck or throttled. */
  maxMessageAgeSeconds: 900,
} as const;

export type SlackRelayProps = {
  readonly config: Config;
  /** The route topics, in `routeTopicArns(config)` order. */
  readonly topics: readonly sns.ITopic[];
  readonly topicArns: readonly string[];
  /** @default Code.fromAsset('dist/relay-slack') */
  readonly code?: lambda.Code;
  readonly alarmTopicArn?: string;
  readonly logRetention?: logs.RetentionDays;
};

/** `name` → `arn:…:secret:name-??????` (Secrets Manager adds 6 random characters). */
export const secretArnPattern = (stack: Stack, secret: string): string =>
  secret.startsWith('arn:')
    ? secret
    : stack.formatArn({
        service: 'secretsmanager',
        resource: 'secret',
        resourceName: `${secret}-??????`,
        arnFormat: ArnFormat.COLON_RESOURCE_NAME,
      });

/**
 * The Slack relay, for routes with `slack.webhookSecret`: a queue
 * subscribed to their topics (filter policy on the `route` attribute, so
 * other routes on a shared topic are not relayed), the relay function
 * (reserved concurrency 1) reading it in batches with partial batch
 * responses, a dead-letter queue for what Slack refused or kept refusing,
 * alarms on both, and read access to the named secrets only.
 */
export class SlackRelay extends Construct {
  readonly function: lambda.Function;
  readonly queue: sqs.Queue;
  readonly deadLetterQueue: sqs.Queue;
  readonly alarms: cloudwatch.Alarm[];

  constructor(scope: Construct, id: string, props: SlackRelayProps) {
    super(scope, id);
    const routes = relayRoutes(props.config);
    this.deadLetterQueue = failedEventsQueue(this, 'DeadLetterQueue');
    this.queue = new sqs.Queue(this, 'Queue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(4),
      visibilityTimeout: Duration.seconds(SLACK_RELAY.visibilityTimeoutSeconds),
      deadLetterQueue: {
        queue: this.deadLetterQueue,
        maxReceiveCount: SLACK_RELAY.maxReceiveCount,
      },
    });

    // One subscription per topic with relayed routes, taking those routes only.
    const routesOn = new Map<string, string[]>();
    for (const route of props.config.routes) {
      if (!route.slack) continue;
      routesOn.set(route.topicArn, [
        ...(routesOn.get(route.topicArn) ?? []),
        route.name,
      ]);
    }
    for (const [arn, names] of routesOn) {
      const topic = props.topics[props.topicArns.indexOf(arn)];
      if (!topic) throw new Error(`no topic for ${arn}`);
      topic.addSubscription(
        new SqsSubscription(this.queue, {
          // The SNS envelope (MessageId, TopicArn, attributes) is kept.
          rawMessageDelivery: false,
          // What SNS cannot deliver to the queue is kept too.
          deadLetterQueue: this.deadLetterQueue,
          filterPolicy: {
            route: sns.SubscriptionFilter.stringFilter({ allowlist: names }),
          },
        })
      );
    }

    const logGroup = new logs.LogGroup(this, 'LogGroup', {
      retention: props.logRetention ?? logs.RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: 'findings-notifier Slack relay: least privilege',
    });
    this.function = new lambda.Function(this, 'Function', {
      description: 'Posts findings-notifier slack messages to Slack webhooks',
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      handler: 'index.handler',
      code: props.code ?? lambda.Code.fromAsset(BUNDLE_DIR),
      memorySize: SLACK_RELAY.memorySize,
      timeout: Duration.seconds(SLACK_RELAY.timeoutSeconds),
      reservedConcurrentExecutions: SLACK_RELAY.reservedConcurrency,
      role,
      logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      environment: {
        [CONFIG_ENV.file]: BUNDLED_CONFIG_PATH,
        [RELAY_FAILURE_QUEUE_ENV]: this.deadLetterQueue.queueUrl,
        NODE_OPTIONS: '--enable-source-maps',
      },
    });
    this.function.addEventSource(
      new SqsEventSource(this.queue, {
        batchSize: SLACK_RELAY.batchSize,
        reportBatchItemFailures: true,
      })
    );
    const stack = Stack.of(this);
    for (const statement of [
      new iam.PolicyStatement({
        sid: 'WriteOwnLogs',
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [logGroup.logGroupArn],
      }),
      new iam.PolicyStatement({
        sid: 'ReadWebhookSecrets',
        actions: ['secretsmanager:GetSecretValue'],
        resources: [...new Set(routes.map((route) => route.webhookSecret))].map(
          (secret) => secretArnPattern(stack, secret)
        ),
      }),
      new iam.PolicyStatement({
        sid: 'KeepRefusedMessages',
        actions: ['sqs:SendMessage'],
        resources: [this.deadLetterQueue.queueArn],
      }),
    ]) {
      role.addToPolicy(statement);
    }

    this.alarms = [
      queueAlarm(
        this,
        'FailedMessagesAlarm',
        this.deadLetterQueue,
        'Slack relay messages Slack refused or kept refusing (see the error attribute; redrive them to the relay queue)'
      ),
      new cloudwatch.Alarm(this, 'StuckMessagesAlarm', {
        alarmDescription:
          'findings-notifier: Slack relay messages waiting too long (relay throttled, failing or Slack rate-limiting)',
        metric: this.queue.metricApproximateAgeOfOldestMessage({
          period: Duration.minutes(5),
          statistic: 'Maximum',
        }),
        threshold: SLACK_RELAY.maxMessageAgeSeconds,
        evaluationPeriods: 1,
        comparisonOperator:
          cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      }),
    ];
    notifyAlarms(this, this.alarms, props.alarmTopicArn);
  }
}
