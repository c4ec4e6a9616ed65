import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { yamlParse } from 'yaml-cfn';
import { addNagChecks } from '../../infra/cdk/create-app.js';
import { FindingsNotifierStack } from '../../infra/cdk/stack.js';
import { samParametersFor } from '../../infra/sam/sam-parameters.js';
import { parseConfig } from '../../src/config/parse-config.js';
import { RELAY_CONFIG } from '../helpers/relay-config.js';
import { type Synthesized, synthesize } from '../helpers/synth.js';

type Json = Record<string, unknown>;
type Resource = { Type: string; Condition?: string; Properties: Json };

const sam = yamlParse(readFileSync('infra/sam/template.yaml', 'utf8')) as {
  Resources: Record<string, Resource>;
};

/** The SAM template relays one topic: the routes with a webhook on it. */
const ONE_TOPIC = parseConfig(
  `
routes:
  - name: serious
    topicArn: arn:aws:sns:us-east-1:123456789012:findings-security
    format: slack
    slack: { webhookSecret: notifier/slack-security }
  - name: network
    topicArn: arn:aws:sns:us-east-1:123456789012:findings-security
    format: slack
    perProtocol: true
    slack: { webhookSecret: notifier/slack-network }
  - name: chatbot
    topicArn: arn:aws:sns:us-east-1:123456789012:findings-security
`,
  'inline'
);

const samResource = (id: string): Json => {
  const resource = sam.Resources[id];
  expect(resource?.Condition, id).toBe('HasSlackRelay');
  return resource?.Properties ?? {};
};

/** The CDK resources of a type under `Notifier/SlackRelay`. */
const cdkResources = (synth: Synthesized, type: string): Json[] =>
  Object.values(
    synth.json.Resources as Record<
      string,
      { Type: string; Properties: Json; Metadata?: Record<string, string> }
    >
  )
    .filter(
      (resource) =>
        resource.Type === type &&
        resource.Metadata?.['aws:cdk:path']?.includes('/SlackRelay/')
    )
    .map((resource) => resource.Properties);

const actionsOf = (statements: Json[]): string[][] =>
  statements
    .map((statement) => [statement.Action].flat().map(String).sort())
    .sort((a, b) => a.join().localeCompare(b.join()));

describe('SAM template: the same Slack relay as the CDK stack', () => {
  let synth: Synthesized;

  beforeAll(() => {
    synth = synthesize((app) => {
      addNagChecks(app);
      return new FindingsNotifierStack(app, 'relay-parity', {
        notifier: { config: ONE_TOPIC, topics: { kind: 'existing' } },
      });
    });
  });

  it('gets the relay parameters from the config with sam:params, and refuses a second relayed topic', () => {
    expect(samParametersFor(ONE_TOPIC)).toMatchObject({
      SlackRelayTopicArn:
        'arn:aws:sns:us-east-1:123456789012:findings-security',
      SlackRelayRoutes: 'serious,network',
      SlackWebhookSecretArns:
        'arn:aws:secretsmanager:us-east-1:123456789012:secret:notifier/slack-security-??????,arn:aws:secretsmanager:us-east-1:123456789012:secret:notifier/slack-network-??????',
    });
    expect(() => samParametersFor(RELAY_CONFIG)).toThrow(
      /relays one topic.*use 2/
    );
  });

  it('deploys the same relay function: runtime, timeout, memory, reserved concurrency, environment names', () => {
    const [cdk = {}] = cdkResources(synth, 'AWS::Lambda::Function');
    const function_ = samResource('SlackRelayFunction');
    for (const key of [
      'Runtime',
      'Architectures',
      'Handler',
      'Timeout',
      'MemorySize',
      'ReservedConcurrentExecutions',
    ]) {
      expect(function_[key], key).toEqual(cdk[key]);
    }
    const names = (environment: unknown) =>
      Object.keys((environment as { Variables: Json }).Variables).sort();
    expect(names(function_.Environment)).toEqual(names(cdk.Environment));
    expect(function_.CodeUri).toBe('../../dist/relay-slack');
  });

  it('reads the same queue the same way: batch size, partial failures, visibility, redrive', () => {
    const [mapping = {}] = cdkResources(
      synth,
      'AWS::Lambda::EventSourceMapping'
    );
    const event = (
      samResource('SlackRelayFunction').Events as Record<string, Json>
    ).RelayQueue as { Type: string; Properties: Json };
    expect(event.Type).toBe('SQS');
    expect(event.Properties.BatchSize).toBe(mapping.BatchSize);
    expect(event.Properties.FunctionResponseTypes).toEqual(
      mapping.FunctionResponseTypes
    );
    const queues = cdkResources(synth, 'AWS::SQS::Queue');
    const cdkQueue = queues.find((queue) => queue.RedrivePolicy) ?? {};
    const samQueue = samResource('SlackRelayQueue');
    for (const key of [
      'VisibilityTimeout',
      'MessageRetentionPeriod',
      'SqsManagedSseEnabled',
    ]) {
      expect(samQueue[key], key).toEqual(cdkQueue[key]);
    }
    expect((samQueue.RedrivePolicy as Json).maxReceiveCount).toBe(
      (cdkQueue.RedrivePolicy as Json).maxReceiveCount
    );
  });

  it('subscribes with the same filter policy and a redrive policy', () => {
    const [cdk = {}] = cdkResources(synth, 'AWS::SNS::Subscription');
    const subscription = samResource('SlackRelaySubscription');
    expect(subscription.Protocol).toBe(cdk.Protocol);
    // No raw delivery (false is SNS's default): the relay reads the envelope.
    expect(cdk.RawMessageDelivery ?? false).toBe(false);
    expect(subscription.RawMessageDelivery ?? false).toBe(false);
    expect((cdk.FilterPolicy as Json).route).toEqual(
      samParametersFor(ONE_TOPIC).SlackRelayRoutes?.split(',')
    );
    expect(subscription.FilterPolicy).toEqual({
      route: { Ref: 'SlackRelayRoutes' },
    });
    expect(cdk.RedrivePolicy).toBeDefined();
    expect(subscription.RedrivePolicy).toBeDefined();
  });

  it('grants the same actions (logs, the secrets, the dead-letter queue, reading the queue)', () => {
    const cdk = cdkResources(synth, 'AWS::IAM::Policy').flatMap(
      (policy) => (policy.PolicyDocument as { Statement: Json[] }).Statement
    );
    const role = samResource('SlackRelayRole') as {
      Policies: { PolicyDocument: { Statement: Json[] } }[];
    };
    const statements = role.Policies.flatMap(
      (policy) => policy.PolicyDocument.Statement
    );
    expect(actionsOf(statements)).toEqual(actionsOf(cdk));
    expect(
      statements.find((statement) => statement.Sid === 'ReadWebhookSecrets')
        ?.Resource
    ).toEqual({ Ref: 'SlackWebhookSecretArns' });
  });

  it('has the same alarms', () => {
    const metrics = (alarms: Json[]) =>
      alarms.map((alarm) => `${alarm.MetricName}>=${alarm.Threshold}`).sort();
    expect(
      metrics([
        samResource('SlackRelayFailedMessagesAlarm'),
        samResource('SlackRelayStuckMessagesAlarm'),
      ])
    ).toEqual(metrics(cdkResources(synth, 'AWS::CloudWatch::Alarm')));
  });

  it('passes cdk-nag with existing topics', () => {
    for (const report of synth.nag) {
      expect(report.violations, report.pluginName).toEqual([]);
    }
  });
});
