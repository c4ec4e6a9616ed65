import { Capture, Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../infra/cdk/create-app.js';
import { FindingsNotifierStack } from '../../infra/cdk/stack.js';
import { basePatterns } from '../../infra/event-patterns.js';
import {
  loadNotifierConfig,
  routeTopicArns,
} from '../../infra/notifier-config.js';
import { parseConfig } from '../../src/config/parse-config.js';
import { EVENT_KINDS } from '../../src/event-kinds/registry.js';
import { type Synthesized, synthesize } from '../helpers/synth.js';

const ALARM_TOPIC = 'arn:aws:sns:us-east-1:123456789012:ops-alarms';

const TOPIC_NAMES = routeTopicArns(
  loadNotifierConfig('config/example.yaml').config
).map((arn) => arn.split(':')[5]);

/** The one resource of a type whose construct path ends with `id/Resource`. */
const logicalIdOf = (synth: Synthesized, id: string): string => {
  const resources = synth.json.Resources as Record<
    string,
    { Metadata?: Record<string, string> }
  >;
  const found = Object.entries(resources).filter(([, resource]) =>
    resource.Metadata?.['aws:cdk:path']?.endsWith(`/${id}/Resource`)
  );
  expect(found, id).toHaveLength(1);
  return (found[0] as [string, unknown])[0];
};

describe('Stack: findings-notifier (example config, created topics, Slack)', () => {
  let synth: Synthesized;

  beforeAll(() => {
    synth = synthesize(createApp, {
      slackWorkspaceId: 'T0123ABCD',
      slackChannelId: 'C0123ABCD',
      reservedConcurrency: '5',
      alarmTopicArn: ALARM_TOPIC,
    });
  });

  it('deploys the bundle on nodejs24.x arm64 with explicit memory, timeout and concurrency', () => {
    synth.template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      Handler: 'index.handler',
      MemorySize: 256,
      // Buffered mode (the default): 120 s, the lease 15 s longer.
      Timeout: 120,
      ReservedConcurrentExecutions: 5,
      LoggingConfig: Match.objectLike({ LogFormat: 'JSON' }),
      Environment: {
        Variables: {
          NOTIFIER_CONFIG_FILE: '/var/task/notifier-config.json',
          DEDUP_TABLE_NAME: { Ref: logicalIdOf(synth, 'DedupTable') },
          DEDUP_LEASE_SECONDS: '135',
          NODE_OPTIONS: '--enable-source-maps',
          AWS_LAMBDA_EXEC_WRAPPER: '/var/task/heap-wrapper.sh',
          NOTIFIER_HEAP_OPTIONS:
            '--max-semi-space-size=1 --max-old-space-size=96',
        },
      },
    });
  });

  it('sends events the function kept failing on to an encrypted queue, with an alarm', () => {
    const failureQueue = logicalIdOf(synth, 'FailureQueue');
    synth.template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      MaximumRetryAttempts: 2,
      DestinationConfig: {
        OnFailure: { Destination: { 'Fn::GetAtt': [failureQueue, 'Arn'] } },
      },
    });
    synth.template.hasResourceProperties('AWS::SQS::Queue', {
      SqsManagedSseEnabled: true,
      MessageRetentionPeriod: 1_209_600,
    });
    synth.template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: failureQueue }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
        ]),
      },
    });
    synth.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Dimensions: [
        {
          Name: 'QueueName',
          Value: { 'Fn::GetAtt': [failureQueue, 'QueueName'] },
        },
      ],
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    });
  });

  it('notifies the alarm topic from both failure alarms', () => {
    const alarms = synth.template.findResources('AWS::CloudWatch::Alarm');
    const dimensions = Object.values(alarms).map(
      (alarm) =>
        (alarm.Properties as { Dimensions: { Value: unknown }[] }).Dimensions[0]
          ?.Value
    );
    expect(dimensions).toEqual(
      expect.arrayContaining([
        { 'Fn::GetAtt': [logicalIdOf(synth, 'FailureQueue'), 'QueueName'] },
        {
          'Fn::GetAtt': [
            logicalIdOf(synth, 'RuleDeadLetterQueue'),
            'QueueName',
          ],
        },
      ])
    );
    for (const alarm of Object.values(alarms)) {
      expect(alarm.Properties).toMatchObject({ AlarmActions: [ALARM_TOPIC] });
    }
  });

  it('creates one rule per base pattern, with a DLQ and retry policy on the target', () => {
    const patterns = new Capture();
    const dlq = logicalIdOf(synth, 'RuleDeadLetterQueue');
    synth.template.resourceCountIs('AWS::Events::Rule', 4);
    synth.template.allResourcesProperties('AWS::Events::Rule', {
      EventPattern: patterns,
      State: 'ENABLED',
      Targets: [
        Match.objectLike({
          DeadLetterConfig: { Arn: { 'Fn::GetAtt': [dlq, 'Arn'] } },
          RetryPolicy: {
            MaximumRetryAttempts: 185,
            MaximumEventAgeInSeconds: 86_400,
          },
        }),
      ],
    });
    const captured = [patterns.asObject()];
    while (patterns.next()) captured.push(patterns.asObject());
    expect(captured).toEqual(
      expect.arrayContaining(
        basePatterns(
          // The example config asks for findings only: no notice rules.
          EVENT_KINDS.filter((kind) => kind.itemKind === undefined)
        ).map((rule) => rule.pattern)
      )
    );
    expect(captured).toHaveLength(4);
  });

  it('keeps dedup state in an on-demand table with TTL and point-in-time recovery', () => {
    synth.template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      Properties: {
        BillingMode: 'PAY_PER_REQUEST',
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
        TimeToLiveSpecification: { AttributeName: 'ttl', Enabled: true },
        PointInTimeRecoverySpecification: {
          PointInTimeRecoveryEnabled: true,
        },
        SSESpecification: { SSEEnabled: true },
      },
    });
  });

  it('creates the routes topics, encrypted with a rotating customer-managed key', () => {
    const key = logicalIdOf(synth, 'TopicKey');
    synth.template.hasResourceProperties('AWS::KMS::Key', {
      EnableKeyRotation: true,
    });
    synth.template.resourceCountIs('AWS::SNS::Topic', TOPIC_NAMES.length);
    for (const name of TOPIC_NAMES) {
      synth.template.hasResourceProperties('AWS::SNS::Topic', {
        TopicName: name,
        KmsMasterKeyId: { 'Fn::GetAtt': [key, 'Arn'] },
      });
    }
    expect(Object.keys(synth.json.Rules as object)).toContain(
      'RouteTopicsAccountAndRegion'
    );
  });

  it('grants exactly: publish to the route topics, GetItem/UpdateItem on the table, the topic key, its logs and failure queue, its buffer queue', () => {
    const statements = new Capture();
    synth.template.resourceCountIs('AWS::IAM::Policy', 1);
    synth.template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: statements },
    });
    const topics = TOPIC_NAMES.map((_, index) => ({
      Ref: logicalIdOf(synth, `Topic${index + 1}`),
    }));
    expect(statements.asArray()).toEqual([
      {
        Sid: 'SendFailedEvents',
        Action: 'sqs:SendMessage',
        Effect: 'Allow',
        Resource: { 'Fn::GetAtt': [logicalIdOf(synth, 'FailureQueue'), 'Arn'] },
      },
      {
        Sid: 'WriteOwnLogs',
        Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        Effect: 'Allow',
        Resource: { 'Fn::GetAtt': [logicalIdOf(synth, 'LogGroup'), 'Arn'] },
      },
      {
        Sid: 'DedupTable',
        Action: ['dynamodb:GetItem', 'dynamodb:UpdateItem'],
        Effect: 'Allow',
        Resource: { 'Fn::GetAtt': [logicalIdOf(synth, 'DedupTable'), 'Arn'] },
      },
      {
        Sid: 'PublishToRouteTopics',
        Action: 'sns:Publish',
        Effect: 'Allow',
        Resource: topics,
      },
      {
        Sid: 'EncryptForTopics',
        Action: ['kms:GenerateDataKey*', 'kms:Decrypt'],
        Effect: 'Allow',
        Resource: { 'Fn::GetAtt': [logicalIdOf(synth, 'TopicKey'), 'Arn'] },
      },
      {
        // The event source mapping's grant on the buffer queue.
        Action: [
          'sqs:ReceiveMessage',
          'sqs:ChangeMessageVisibility',
          'sqs:GetQueueUrl',
          'sqs:DeleteMessage',
          'sqs:GetQueueAttributes',
        ],
        Effect: 'Allow',
        Resource: { 'Fn::GetAtt': [logicalIdOf(synth, 'BufferQueue'), 'Arn'] },
      },
      {
        // A burst's held findings go back to the same queue, delayed.
        Sid: 'HoldBurstFindings',
        Action: 'sqs:SendMessage',
        Effect: 'Allow',
        Resource: { 'Fn::GetAtt': [logicalIdOf(synth, 'BufferQueue'), 'Arn'] },
      },
    ]);
    // No managed policies: nothing beyond the statements above.
    synth.template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: Match.objectLike({
        Statement: [
          Match.objectLike({
            Principal: { Service: 'lambda.amazonaws.com' },
          }),
        ],
      }),
      ManagedPolicyArns: Match.absent(),
    });
  });

  it('keeps the logs for three months', () => {
    synth.template.hasResourceProperties('AWS::Logs::LogGroup', {
      RetentionInDays: 90,
    });
  });

  it('subscribes AWS Chatbot in the Slack channel from the context to every route topic', () => {
    synth.template.hasResourceProperties(
      'AWS::Chatbot::SlackChannelConfiguration',
      {
        SlackWorkspaceId: 'T0123ABCD',
        SlackChannelId: 'C0123ABCD',
        SnsTopicArns: TOPIC_NAMES.map((_, index) => ({
          Ref: logicalIdOf(synth, `Topic${index + 1}`),
        })),
        LoggingLevel: 'ERROR',
      }
    );
  });

  it('lets only the function role publish to the created topics (issue 16, item 8)', () => {
    const resources = synth.json.Resources as Record<
      string,
      { Properties: { Role: { 'Fn::GetAtt': [string, string] } } }
    >;
    const functionRole = resources[logicalIdOf(synth, 'Function')] as {
      Properties: { Role: { 'Fn::GetAtt': [string, string] } };
    };
    const [roleId] = functionRole.Properties.Role['Fn::GetAtt'];
    const policies = synth.template.findResources('AWS::SNS::TopicPolicy');
    expect(Object.keys(policies)).toHaveLength(TOPIC_NAMES.length);
    synth.template.allResourcesProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Sid: 'OnlyTheNotifierPublishes',
            Effect: 'Deny',
            Principal: { AWS: '*' },
            Action: 'sns:Publish',
            Condition: {
              ArnNotEquals: {
                'aws:PrincipalArn': { 'Fn::GetAtt': [roleId, 'Arn'] },
              },
            },
          }),
          Match.objectLike({
            Sid: 'TheNotifierPublishes',
            Effect: 'Allow',
            Principal: { AWS: { 'Fn::GetAtt': [roleId, 'Arn'] } },
            Action: 'sns:Publish',
          }),
        ]),
      },
    });
  });

  it('gives the Chatbot channel a deny-all guardrail and a role trusted only from this account', () => {
    const guardrail = logicalIdOf(synth, 'ChatbotGuardrail');
    synth.template.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      PolicyDocument: {
        Statement: [
          {
            Sid: 'NotificationsOnly',
            Effect: 'Deny',
            Action: '*',
            Resource: '*',
          },
        ],
      },
    });
    synth.template.hasResourceProperties(
      'AWS::Chatbot::SlackChannelConfiguration',
      { GuardrailPolicies: [{ Ref: guardrail }] }
    );
    synth.template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [
          Match.objectLike({
            Principal: { Service: 'chatbot.amazonaws.com' },
            Condition: {
              StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
            },
          }),
        ],
      },
    });
  });

  it('passes cdk-nag AwsSolutions and Serverless with every acknowledgement reasoned', () => {
    expect(synth.nag.map((report) => report.pluginName).sort()).toEqual([
      'AwsSolutions',
      'Serverless',
    ]);
    for (const report of synth.nag) {
      expect(report.violations, report.pluginName).toEqual([]);
      for (const suppressed of report.suppressedViolations) {
        expect(suppressed.reason.length, suppressed.ruleName).toBeGreaterThan(
          40
        );
      }
    }
    const acknowledged = synth.nag.flatMap((report) =>
      report.suppressedViolations.map(
        ({ acknowledgedId, violatingConstructs }) =>
          `${acknowledgedId} ${violatingConstructs
            .map((c) =>
              c.constructPath
                .split('/')
                .slice(-2, -1)[0]
                ?.replace(/^(SqsEventSource):.*$/, '$1')
            )
            .join(',')}`
      )
    );
    expect(acknowledged.sort()).toEqual(
      [
        'AwsSolutions::AwsSolutions-IAM5[Action::kms:GenerateDataKey*] DefaultPolicy',
        'AwsSolutions::AwsSolutions-SQS3 FailureQueue',
        'AwsSolutions::AwsSolutions-SQS3 RuleDeadLetterQueue',
        'Serverless::Serverless-SQSRedrivePolicy BufferDeadLetterQueue',
        'Serverless::Serverless-LambdaEventSourceMappingDestination SqsEventSource',
        'Serverless::Serverless-LambdaDLQ Function',
        'Serverless::Serverless-LambdaTracing Function',
        'Serverless::Serverless-SQSRedrivePolicy FailureQueue',
        'Serverless::Serverless-SQSRedrivePolicy RuleDeadLetterQueue',
      ].sort()
    );
  });
});

describe('Stack: a config whose route acknowledges in Security Hub', () => {
  it('grants securityhub:BatchUpdateFindings from the config alone', () => {
    // Prepare
    const config = parseConfig(
      `routes:
  - name: controls
    topicArn: arn:aws:sns:us-east-1:123456789012:controls
    acknowledge: true
`,
      'acknowledging.yaml'
    );

    // Act
    const synth = synthesize(
      (app) =>
        new FindingsNotifierStack(app, 'acknowledging', {
          notifier: { config, topics: { kind: 'existing' } },
        })
    );

    // Assess
    synth.template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Sid: 'AcknowledgeFindings',
            Action: 'securityhub:BatchUpdateFindings',
            Resource: '*',
            // Issue 16, item 8: the workflow status (to NOTIFIED) and the note only.
            Condition: {
              StringEquals: {
                'securityhub:ASFFSyntaxPath/Workflow.Status': 'NOTIFIED',
              },
              Null: Match.objectLike({
                'securityhub:ASFFSyntaxPath/Severity.Label': 'true',
                'securityhub:ASFFSyntaxPath/Types': 'true',
                'securityhub:ASFFSyntaxPath/VerificationState': 'true',
              }),
            },
          }),
        ]),
      },
    });
  });
});

describe('Stack: encryptTopics=false (for a Chatbot channel that refuses encrypted topics)', () => {
  let synth: Synthesized;

  beforeAll(() => {
    synth = synthesize(createApp, { encryptTopics: 'false' });
  });

  it('creates the route topics without a key, still TLS-only, and grants no KMS action', () => {
    synth.template.resourceCountIs('AWS::KMS::Key', 0);
    const topics = synth.template.findResources('AWS::SNS::Topic');
    expect(Object.keys(topics)).toHaveLength(TOPIC_NAMES.length);
    for (const topic of Object.values(topics)) {
      expect(topic.Properties).not.toHaveProperty('KmsMasterKeyId');
    }
    synth.template.resourceCountIs('AWS::SNS::TopicPolicy', TOPIC_NAMES.length);
    const policies = JSON.stringify(
      synth.template.findResources('AWS::IAM::Policy')
    );
    expect(policies).not.toMatch(/kms:/);
  });

  it('passes cdk-nag without any further acknowledgement', () => {
    // cdk-nag 3.0.2's AwsSolutions pack does not flag unencrypted topics
    // that require TLS: nothing new to acknowledge.
    for (const report of synth.nag) {
      expect(report.violations, report.pluginName).toEqual([]);
    }
  });
});
