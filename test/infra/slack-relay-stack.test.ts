import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { addNagChecks } from '../../infra/cdk/create-app.js';
import { FindingsNotifierStack } from '../../infra/cdk/stack.js';
import { SLACK_RELAY } from '../../infra/cdk/steps/slack-relay.js';
import { RELAY_CONFIG } from '../helpers/relay-config.js';
import { type Synthesized, synthesize } from '../helpers/synth.js';

const ALARM_TOPIC = 'arn:aws:sns:us-east-1:123456789012:ops-alarms';

type Json = Record<string, unknown>;

/** The one resource whose construct path ends with `id/Resource`. */
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

describe('Stack: the Slack relay (routes with slack.webhookSecret)', () => {
  let synth: Synthesized;

  beforeAll(() => {
    synth = synthesize((app) => {
      addNagChecks(app);
      return new FindingsNotifierStack(app, 'relay', {
        notifier: { config: RELAY_CONFIG, alarmTopicArn: ALARM_TOPIC },
      });
    });
  });

  it('passes cdk-nag (AwsSolutions and Serverless)', () => {
    expect(synth.nag.length).toBeGreaterThan(0);
    for (const report of synth.nag) {
      expect(report.violations, report.pluginName).toEqual([]);
    }
  });

  it('subscribes one queue to each relayed topic, taking the relayed routes only, with the SNS envelope', () => {
    const queue = logicalIdOf(synth, 'SlackRelay/Queue');
    const subscriptions = Object.values(
      synth.template.findResources('AWS::SNS::Subscription')
    ).map((resource) => resource.Properties as Json);
    expect(subscriptions).toHaveLength(2);
    for (const subscription of subscriptions) {
      expect(subscription).toMatchObject({
        Protocol: 'sqs',
        Endpoint: { 'Fn::GetAtt': [queue, 'Arn'] },
      });
      expect(subscription.RawMessageDelivery).not.toBe(true);
    }
    expect(
      subscriptions
        .map((subscription) => (subscription.FilterPolicy as Json).route)
        .sort()
    ).toEqual([['network'], ['serious', 'the-rest']]);
  });

  it('buffers in an encrypted queue with a dead-letter queue, and reads it in batches with partial failures', () => {
    synth.template.hasResourceProperties('AWS::SQS::Queue', {
      VisibilityTimeout: SLACK_RELAY.visibilityTimeoutSeconds,
      SqsManagedSseEnabled: true,
      RedrivePolicy: {
        deadLetterTargetArn: {
          'Fn::GetAtt': [
            logicalIdOf(synth, 'SlackRelay/DeadLetterQueue'),
            'Arn',
          ],
        },
        maxReceiveCount: SLACK_RELAY.maxReceiveCount,
      },
    });
    synth.template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      BatchSize: SLACK_RELAY.batchSize,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      EventSourceArn: {
        'Fn::GetAtt': [logicalIdOf(synth, 'SlackRelay/Queue'), 'Arn'],
      },
    });
    expect(SLACK_RELAY.visibilityTimeoutSeconds).toBe(
      6 * SLACK_RELAY.timeoutSeconds
    );
  });

  it('runs one relay at a time (reserved concurrency 1), with the dead-letter queue to keep refused messages', () => {
    synth.template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      Timeout: SLACK_RELAY.timeoutSeconds,
      ReservedConcurrentExecutions: 1,
      Environment: {
        Variables: {
          NOTIFIER_CONFIG_FILE: '/var/task/notifier-config.json',
          RELAY_FAILURE_QUEUE_URL: {
            Ref: logicalIdOf(synth, 'SlackRelay/DeadLetterQueue'),
          },
          NODE_OPTIONS: '--enable-source-maps',
        },
      },
    });
  });

  it('may read the named webhook secrets and nothing else', () => {
    const policies = Object.values(
      synth.template.findResources('AWS::IAM::Policy')
    ).map((policy) =>
      JSON.stringify((policy.Properties as Json).PolicyDocument)
    );
    const relay = policies.filter((policy) =>
      policy.includes('secretsmanager:')
    );
    expect(relay).toHaveLength(1);
    const statement = (
      JSON.parse(relay[0] as string) as { Statement: Json[] }
    ).Statement.find((item) => item.Sid === 'ReadWebhookSecrets');
    expect(statement?.Action).toBe('secretsmanager:GetSecretValue');
    const resources = JSON.stringify(statement?.Resource);
    expect(resources).toContain(':secret:notifier/slack-security-??????');
    expect(resources).toContain(
      'arn:aws:secretsmanager:us-east-1:123456789012:secret:notifier/slack-network-AbCdEf'
    );
    expect(statement?.Resource).toHaveLength(2);
    expect(policies.join()).not.toContain('"Resource":"*"');
  });

  it('alarms on refused messages and on messages waiting too long, notifying the alarm topic', () => {
    synth.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [
        {
          Name: 'QueueName',
          Value: {
            'Fn::GetAtt': [
              logicalIdOf(synth, 'SlackRelay/DeadLetterQueue'),
              'QueueName',
            ],
          },
        },
      ],
      Threshold: 1,
      AlarmActions: [ALARM_TOPIC],
    });
    synth.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateAgeOfOldestMessage',
      Threshold: SLACK_RELAY.maxMessageAgeSeconds,
      AlarmActions: [ALARM_TOPIC],
      Dimensions: Match.anyValue(),
    });
  });
});
