import type * as chatbot from 'aws-cdk-lib/aws-chatbot';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as events from 'aws-cdk-lib/aws-events';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as securityhub from 'aws-cdk-lib/aws-securityhub';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { someRouteAcknowledges } from '../../src/acknowledge/acknowledger.js';
import { relayRoutes } from '../../src/slack-relay/webhook-targets.js';
import { routeTopicArns } from '../notifier-config.js';
import type { FindingsNotifierProps } from './notifier-props.js';
import {
  BUFFERED_TIMEOUT_SECONDS,
  type BufferQueue,
  bufferQueue,
} from './steps/buffered-mode.js';
import { slackChannel } from './steps/chat-channel.js';
import { customActionTargets } from './steps/custom-action-targets.js';
import { createDedupTable } from './steps/dedup-table.js';
import {
  failedEventsQueue,
  notifyAlarms,
  queueAlarm,
} from './steps/failure-paths.js';
import { grantStatements } from './steps/grants.js';
import { notifierFunction } from './steps/notifier-function.js';
import { restrictPublishing, routeTopics } from './steps/route-topics.js';
import { notifierEventRules } from './steps/rules.js';
import { SlackRelay } from './steps/slack-relay.js';

/**
 * The findings notifier, in the order it is built: the route topics, the
 * dedup table and failure queues, the function and its grants, the buffer
 * queue (buffered mode), the failure alarms, the EventBridge rules, an optional Chatbot channel and, for
 * routes with `slack.webhookSecret`, the Slack relay. Every
 * permission is scoped to exactly what the function calls.
 */
export class FindingsNotifier extends Construct {
  readonly function: lambda.Function;
  readonly table: dynamodb.Table;
  readonly rules: events.Rule[];
  /** Security Hub custom actions created for routes that serve them. */
  readonly customActions: securityhub.CfnActionTarget[];
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
  /** The Slack relay, when a route names a webhook secret (`slack.webhookSecret`). */
  readonly slackRelay?: SlackRelay;
  /** Buffered mode: the queue the rules send to, and its dead-letter queue. */
  readonly buffer?: BufferQueue;

  constructor(scope: Construct, id: string, props: FindingsNotifierProps) {
    super(scope, id);

    // 1. Topics
    const topics = routeTopics(
      this,
      routeTopicArns(props.config),
      props.topics ?? { kind: 'create' },
      props.config.allowTopicRegions
    );
    this.topics = topics.topics;
    if (topics.key) this.topicKey = topics.key;
    this.topicKeyArns = topics.keyArns;

    // 2. State and failure queues
    this.table = createDedupTable(this, props.tableRemovalPolicy);
    this.failureQueue = failedEventsQueue(this, 'FailureQueue');
    this.ruleDeadLetterQueue = failedEventsQueue(this, 'RuleDeadLetterQueue');

    // 3. Function and grants
    this.function = notifierFunction(this, props, {
      tableName: this.table.tableName,
      failureQueue: this.failureQueue,
    });
    this.acknowledges =
      props.acknowledges ?? someRouteAcknowledges(props.config);
    for (const statement of grantStatements({
      tableArn: this.table.tableArn,
      topics: this.topics,
      keyArns: this.topicKeyArns,
      acknowledges: this.acknowledges,
    })) {
      this.function.addToRolePolicy(statement);
    }

    // 4. Buffered mode: the queue between the rules and the function
    if ((props.mode ?? 'buffered') === 'buffered') {
      this.buffer = bufferQueue(
        this,
        this.function,
        this.function.timeout?.toSeconds() ?? BUFFERED_TIMEOUT_SECONDS,
        props.buffering
      );
    }

    // 5. Alarms on the failure paths
    notifyAlarms(
      this,
      [
        queueAlarm(
          this,
          'FailedEventsAlarm',
          this.failureQueue,
          'events the function failed on (replay them from the failure queue)'
        ),
        queueAlarm(
          this,
          'UndeliveredEventsAlarm',
          this.ruleDeadLetterQueue,
          'events EventBridge could not deliver to the function'
        ),
        ...(this.buffer ? [this.buffer.alarm] : []),
      ],
      props.alarmTopicArn
    );

    // 6. Rules
    this.rules = notifierEventRules(
      this,
      props.config,
      this.function,
      this.ruleDeadLetterQueue,
      this.buffer?.queue
    );
    this.customActions = customActionTargets(
      this,
      props.customActions ?? [],
      props.config
    );

    // 7. Chat
    if (props.slack) {
      this.slackChannel = slackChannel(this, props.slack, this.topics);
    }

    // 8. Slack relay
    if (relayRoutes(props.config).length > 0) {
      this.slackRelay = new SlackRelay(this, 'SlackRelay', {
        config: props.config,
        topics: this.topics,
        topicArns: routeTopicArns(props.config),
        ...(props.relayCode ? { code: props.relayCode } : {}),
        ...(props.alarmTopicArn ? { alarmTopicArn: props.alarmTopicArn } : {}),
        ...(props.logRetention ? { logRetention: props.logRetention } : {}),
      });
    }
    // Only the function publishes to the topics it created.
    restrictPublishing(this.topics, this.function);
  }
}
