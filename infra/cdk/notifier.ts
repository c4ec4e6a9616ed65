import { Aws, CfnRule, Duration, Fn, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as chatbot from 'aws-cdk-lib/aws-chatbot';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cloudwatchActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { someRouteAcknowledges } from '../../src/acknowledge/acknowledger.js';
import type { Config } from '../../src/config/config-schema.js';
import { CONFIG_ENV } from '../../src/config/config-source.js';
import { BUNDLED_CONFIG_PATH, routeTopicArns } from '../notifier-config.js';
import { notifierRules } from '../pre-filter.js';

/** The dedup claim lease is 45 s: a longer run could announce twice. */
export const MAX_TIMEOUT_SECONDS = 30;

/** Environment variable naming the dedup table (read by the function). */
export const DEDUP_TABLE_ENV = 'DEDUP_TABLE_NAME';

/** The actions the dedup store calls: nothing else is granted. */
export const DEDUP_TABLE_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:UpdateItem',
] as const;

/** An AWS Chatbot (Amazon Q Developer in chat applications) Slack channel. */
export type SlackChannelProps = {
  /** Slack workspace (team) id, e.g. `T0123ABCD`, authorised once in the console. */
  readonly workspaceId: string;
  /** Slack channel id, e.g. `C0123ABCD`. */
  readonly channelId: string;
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
  /** @default Code.fromAsset('dist/notify-findings') (run `npm run build` first) */
  readonly code?: lambda.Code;
  /**
   * `create`: one encrypted standard topic per route topic ARN, named as in
   * the ARN (the stack must deploy to the ARNs' account and region; a
   * CloudFormation rule checks it). `existing`: publish to the ARNs as they are.
   * @default 'create'
   */
  readonly topics?: 'create' | 'existing';
  /**
   * Encrypt created topics with a customer-managed KMS key. Turn off only if
   * your AWS Chatbot channel does not receive messages from encrypted topics
   * (docs/deploy.md, "Encryption and AWS Chatbot").
   * @default true
   */
  readonly encryptTopics?: boolean;
  /** KMS keys of existing encrypted topics the function must be able to use. */
  readonly topicKeyArns?: readonly string[];
  /** @default 256 */
  readonly memorySize?: number;
  /** At most 30 s (the dedup claim lease is 45 s). @default Duration.seconds(30) */
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
  readonly alarmTopicArn?: string;
  /** @default RemovalPolicy.RETAIN for the dedup table */
  readonly tableRemovalPolicy?: RemovalPolicy;
};

/**
 * The on-failure queue as a Lambda destination, granted `sqs:SendMessage`
 * only: all Lambda needs (CDK's `SqsDestination` also grants
 * `GetQueueAttributes` and `GetQueueUrl`).
 */
const sendOnlyQueueDestination = (queue: sqs.IQueue): lambda.IDestination => ({
  bind: (_scope, fn) => {
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        sid: 'SendFailedEvents',
        actions: ['sqs:SendMessage'],
        resources: [queue.queueArn],
      })
    );
    return { destination: queue.queueArn };
  },
});

/** `arn:aws:sns:<region>:<account>:<name>` → `<name>` (validated by the config schema). */
const topicNameOf = (arn: string): string => arn.split(':')[5] ?? arn;

/**
 * The findings notifier: the function, its EventBridge rules (patterns from
 * `infra/event-patterns.ts`, narrowed by `infra/pre-filter.ts`), the dedup
 * table, the route topics and the failure paths, wired with least privilege.
 */
export class FindingsNotifier extends Construct {
  readonly function: lambda.Function;
  readonly table: dynamodb.Table;
  readonly rules: events.Rule[];
  /** Events EventBridge could not deliver to the function. */
  readonly ruleDeadLetterQueue: sqs.Queue;
  /** Events the function kept failing on (on-failure destination). */
  readonly failureQueue: sqs.Queue;
  readonly topics: sns.ITopic[];
  readonly topicKey?: kms.Key;

  /** The function may use these KMS keys (its topics' keys). */
  readonly topicKeyArns: readonly string[];
  /** The function may call securityhub:BatchUpdateFindings. */
  readonly acknowledges: boolean;
  readonly slackChannel?: chatbot.SlackChannelConfiguration;

  constructor(scope: Construct, id: string, props: FindingsNotifierProps) {
    super(scope, id);
    const timeout = props.timeout ?? Duration.seconds(MAX_TIMEOUT_SECONDS);
    if (timeout.toSeconds() > MAX_TIMEOUT_SECONDS) {
      throw new Error(
        `timeout must be at most ${MAX_TIMEOUT_SECONDS} s: the dedup claim lease is 45 s`
      );
    }
    const topicArns = routeTopicArns(props.config);

    this.table = new dynamodb.Table(this, 'DedupTable', {
      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      timeToLiveAttribute: 'ttl',
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
      removalPolicy: props.tableRemovalPolicy ?? RemovalPolicy.RETAIN,
    });

    const queue = (queueId: string) =>
      new sqs.Queue(this, queueId, {
        encryption: sqs.QueueEncryption.SQS_MANAGED,
        enforceSSL: true,
        retentionPeriod: Duration.days(14),
      });
    this.failureQueue = queue('FailureQueue');
    this.ruleDeadLetterQueue = queue('RuleDeadLetterQueue');

    const logGroup = new logs.LogGroup(this, 'LogGroup', {
      retention: props.logRetention ?? logs.RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.DESTROY,
    });

    const role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: 'findings-notifier function: least privilege',
    });

    this.function = new lambda.Function(this, 'Function', {
      description: 'Announces Inspector and Security Hub findings via SNS',
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      handler: 'index.handler',
      code: props.code ?? lambda.Code.fromAsset('dist/notify-findings'),
      memorySize: props.memorySize ?? 256,
      timeout,
      role,
      logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      environment: {
        [CONFIG_ENV.file]: BUNDLED_CONFIG_PATH,
        [DEDUP_TABLE_ENV]: this.table.tableName,
        NODE_OPTIONS: '--enable-source-maps',
      },
      ...(props.reservedConcurrency === undefined
        ? {}
        : { reservedConcurrentExecutions: props.reservedConcurrency }),
      // Lambda retries a failed asynchronous invocation twice, then hands
      // the event to the failure queue with the error.
      retryAttempts: 2,
      maxEventAge: Duration.hours(6),
      onFailure: sendOnlyQueueDestination(this.failureQueue),
    });

    // Logs: only this function's log group (Role has no managed policy).
    role.addToPolicy(
      new iam.PolicyStatement({
        sid: 'WriteOwnLogs',
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [logGroup.logGroupArn],
      })
    );
    role.addToPolicy(
      new iam.PolicyStatement({
        sid: 'DedupTable',
        actions: [...DEDUP_TABLE_ACTIONS],
        resources: [this.table.tableArn],
      })
    );

    if ((props.topics ?? 'create') === 'create') {
      const key =
        (props.encryptTopics ?? true)
          ? new kms.Key(this, 'TopicKey', {
              description: 'findings-notifier SNS topics',
              enableKeyRotation: true,
            })
          : undefined;
      if (key) this.topicKey = key;
      this.topics = topicArns.map(
        (arn, index) =>
          new sns.Topic(this, `Topic${index + 1}`, {
            topicName: topicNameOf(arn),
            ...(key ? { masterKey: key } : {}),
            enforceSSL: true,
          })
      );

      this.assertTopicsHere(topicArns);
    } else {
      this.topics = topicArns.map((arn, index) =>
        sns.Topic.fromTopicArn(this, `Topic${index + 1}`, arn)
      );
    }
    role.addToPolicy(
      new iam.PolicyStatement({
        sid: 'PublishToRouteTopics',
        // Publish and PublishBatch are both authorised by sns:Publish.
        actions: ['sns:Publish'],
        resources: this.topics.map((topic) => topic.topicArn),
      })
    );
    const keyArns = [
      ...(this.topicKey ? [this.topicKey.keyArn] : []),
      ...(props.topicKeyArns ?? []),
    ];
    this.topicKeyArns = keyArns;
    this.acknowledges =
      props.acknowledges ?? someRouteAcknowledges(props.config);
    if (keyArns.length > 0) {
      role.addToPolicy(
        new iam.PolicyStatement({
          sid: 'EncryptForTopics',
          // What SNS needs from a publisher to an SSE-KMS topic.
          actions: ['kms:GenerateDataKey*', 'kms:Decrypt'],
          resources: keyArns,
        })
      );
    }
    if (this.acknowledges) {
      role.addToPolicy(
        new iam.PolicyStatement({
          sid: 'AcknowledgeFindings',
          // Its only resource type is the hub itself: the findings updated
          // cannot be narrowed by resource (docs/deploy.md).
          actions: ['securityhub:BatchUpdateFindings'],
          resources: ['*'],
        })
      );
    }

    // An alarm on the first message in a queue that holds failed events.
    const queueAlarm = (id: string, queue: sqs.Queue, description: string) =>
      new cloudwatch.Alarm(this, id, {
        alarmDescription: `findings-notifier: ${description}`,
        metric: queue.metricApproximateNumberOfMessagesVisible({
          period: Duration.minutes(5),
          statistic: 'Maximum',
        }),
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator:
          cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      });
    const failedAlarm = queueAlarm(
      'FailedEventsAlarm',
      this.failureQueue,
      'events the function failed on (replay them from the failure queue)'
    );
    const undeliveredAlarm = queueAlarm(
      'UndeliveredEventsAlarm',
      this.ruleDeadLetterQueue,
      'events EventBridge could not deliver to the function'
    );
    if (props.alarmTopicArn) {
      const action = new cloudwatchActions.SnsAction(
        sns.Topic.fromTopicArn(this, 'AlarmTopic', props.alarmTopicArn)
      );
      for (const alarm of [failedAlarm, undeliveredAlarm])
        alarm.addAlarmAction(action);
    }

    this.rules = notifierRules(props.config).map(
      (rule) =>
        new events.Rule(this, rule.id, {
          description: rule.description,
          eventPattern: rule.pattern as events.EventPattern,
          targets: [
            new targets.LambdaFunction(this.function, {
              deadLetterQueue: this.ruleDeadLetterQueue,
              retryAttempts: 185,
              maxEventAge: Duration.hours(24),
            }),
          ],
        })
    );

    if (props.slack) {
      this.slackChannel = new chatbot.SlackChannelConfiguration(
        this,
        'SlackChannel',
        {
          slackChannelConfigurationName: `findings-notifier-${props.slack.channelId}`,
          slackWorkspaceId: props.slack.workspaceId,
          slackChannelId: props.slack.channelId,
          notificationTopics: this.topics,
          loggingLevel: chatbot.LoggingLevel.ERROR,
        }
      );
    }
  }

  /** Created topics keep the config's ARNs only in the ARNs' account and region. */
  private assertTopicsHere(topicArns: readonly string[]): void {
    const places = new Set(
      topicArns.map((arn) => arn.split(':').slice(3, 5).join(':'))
    );
    const [place] = [...places];
    if (places.size !== 1 || !place) {
      throw new Error(
        `topics: 'create' needs every route topic in one account and region; found ${[...places].join(', ')}. Use existing topics (CDK app: -c existingTopics=true; construct: topics: 'existing').`
      );
    }
    const [region = '', account = ''] = place.split(':');
    const stack = Stack.of(this);
    new CfnRule(stack, 'RouteTopicsAccountAndRegion', {
      assertions: [
        {
          assert: Fn.conditionAnd(
            Fn.conditionEquals(Aws.ACCOUNT_ID, account),
            Fn.conditionEquals(Aws.REGION, region)
          ),
          assertDescription: `The config's route topics are in account ${account}, region ${region}: deploy there, or deploy with existing topics (-c existingTopics=true).`,
        },
      ],
    });
  }
}
