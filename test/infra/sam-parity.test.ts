import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { yamlParse } from 'yaml-cfn';
import { addNagChecks } from '../../infra/cdk/create-app.js';
import { FindingsNotifierStack } from '../../infra/cdk/stack.js';
import { bufferTimings } from '../../infra/cdk/steps/buffered-mode.js';
import { CHAT_GUARDRAIL_STATEMENT } from '../../infra/cdk/steps/chat-channel.js';
import { basePatterns } from '../../infra/event-patterns.js';
import { loadNotifierConfig } from '../../infra/notifier-config.js';
import {
  samParameters,
  samParametersFor,
} from '../../infra/sam/sam-parameters.js';
import { someRouteAcknowledges } from '../../src/acknowledge/acknowledger.js';
import { parseConfig } from '../../src/config/parse-config.js';
import { type Synthesized, synthesize } from '../helpers/synth.js';

type Json = Record<string, unknown>;

const CONFIG_FILE = 'config/example.yaml';
const KEY_ARN =
  'arn:aws:kms:us-east-1:123456789012:key/0123abcd-0123-4567-89ab-0123456789ab';

const sam = yamlParse(readFileSync('infra/sam/template.yaml', 'utf8')) as {
  Parameters: Record<string, Json>;
  Resources: Record<
    string,
    { Type: string; Condition?: string; Properties: Json }
  >;
};

/** Resolves the intrinsics the template's policy uses, for given parameters. */
const resolveSam = (
  value: unknown,
  parameters: Record<string, string[] | string>,
  conditions: Record<string, boolean>
): unknown => {
  if (Array.isArray(value)) {
    return value
      .map((item) => resolveSam(item, parameters, conditions))
      .filter((item) => item !== undefined);
  }
  if (typeof value !== 'object' || value === null) return value;
  const object = value as Json;
  if ('Ref' in object) {
    const name = object.Ref as string;
    if (name === 'AWS::NoValue') return undefined;
    return parameters[name] ?? `${name}.Ref`;
  }
  if ('Fn::GetAtt' in object) {
    return (object['Fn::GetAtt'] as string[]).join('.');
  }
  if ('Fn::If' in object) {
    const [condition, yes, no] = object['Fn::If'] as [string, unknown, unknown];
    return resolveSam(conditions[condition] ? yes : no, parameters, conditions);
  }
  return Object.fromEntries(
    Object.entries(object).map(([key, item]) => [
      key,
      resolveSam(item, parameters, conditions),
    ])
  );
};

/** The CDK construct id of a logical id (`…/Notifier/DedupTable/Resource`). */
const constructIds = (synth: Synthesized): Map<string, string> => {
  const resources = synth.json.Resources as Record<
    string,
    { Metadata?: Record<string, string> }
  >;
  return new Map(
    Object.entries(resources).map(([logicalId, resource]) => [
      logicalId,
      resource.Metadata?.['aws:cdk:path']?.split('/').at(-2) ?? logicalId,
    ])
  );
};

const resolveCdk = (value: unknown, ids: Map<string, string>): unknown => {
  if (Array.isArray(value)) return value.map((item) => resolveCdk(item, ids));
  if (typeof value !== 'object' || value === null) return value;
  const object = value as Json;
  if ('Fn::GetAtt' in object) {
    const [logicalId, attribute] = object['Fn::GetAtt'] as [string, string];
    return `${ids.get(logicalId)}.${attribute}`;
  }
  if ('Ref' in object) return `${ids.get(object.Ref as string)}.Ref`;
  return Object.fromEntries(
    Object.entries(object).map(([key, item]) => [key, resolveCdk(item, ids)])
  );
};

const asList = (value: unknown): unknown[] =>
  (Array.isArray(value) ? value : [value]).flat();

/** Statements as comparable values: sorted actions and resources. */
const normalize = (statements: unknown[]) =>
  statements
    .map((statement) => {
      const { Sid, Effect, Action, Resource } = statement as Json;
      return {
        Sid: Sid ?? '',
        Effect,
        Action: asList(Action).map(String).sort(),
        Resource: asList(Resource).map(String).sort(),
      };
    })
    .sort((a, b) => a.Action.join().localeCompare(b.Action.join()));

describe.each(['direct', 'buffered'] as const)(
  'SAM template: the same system as the CDK stack (%s mode)',
  (mode) => {
    let synth: Synthesized;
    let ids: Map<string, string>;
    const { config } = loadNotifierConfig(CONFIG_FILE);
    const parameters: Record<string, string> = {
      ...samParameters(CONFIG_FILE),
      // The CDK stack below is built with acknowledgement and topic keys on.
      AcknowledgeFindings: 'true',
    };
    const topicArns = (parameters.TopicArns ?? '').split(',');
    const samResolved = (value: unknown) =>
      resolveSam(
        value,
        { TopicArns: topicArns, TopicKeyArns: [KEY_ARN] },
        {
          HasTopicKeys: true,
          Acknowledges: true,
          HasReservedConcurrency: false,
          Buffered: mode === 'buffered',
          Direct: mode === 'direct',
          ServesCoverage: parameters.CoverageEvents === 'true',
          ServesScans: parameters.ScanEvents === 'true',
          ServesCustomActions: parameters.CustomActionEvents === 'true',
          DirectServesCoverage:
            mode === 'direct' && parameters.CoverageEvents === 'true',
          DirectServesScans:
            mode === 'direct' && parameters.ScanEvents === 'true',
          DirectServesCustomActions:
            mode === 'direct' && parameters.CustomActionEvents === 'true',
        }
      );
    const samFunction = sam.Resources.Function?.Properties as Json;

    beforeAll(() => {
      synth = synthesize((app) => {
        addNagChecks(app);
        return new FindingsNotifierStack(app, 'parity', {
          notifier: {
            config,
            mode,
            topics: { kind: 'existing', keyArns: [KEY_ARN] },
            acknowledges: true,
          },
        });
      });
      ids = constructIds(synth);
    });

    it('gets its parameters from the config with sam:params', () => {
      expect(samParameters(CONFIG_FILE)).toEqual({
        TopicArns: config.routes.map((route) => route.topicArn).join(','),
        AcknowledgeFindings: 'false',
        CoverageEvents: 'false',
        ScanEvents: 'false',
        CustomActionEvents: 'false',
        TopicRegion: 'us-east-1',
      });
      expect(
        someRouteAcknowledges(
          parseConfig(
            `routes: [{ name: r, topicArn: '${config.routes[0]?.topicArn}', acknowledge: true }]`,
            'inline'
          )
        )
      ).toBe(true);
    });

    it('has the same event patterns, DLQ and retry policy as the CDK rules', () => {
      const rules = synth.template.findResources('AWS::Events::Rule');
      const cdk = Object.fromEntries(
        Object.entries(rules).map(([logicalId, rule]) => {
          const properties = rule.Properties as Json;
          const [target = {}] = properties.Targets as Json[];
          return [
            ids.get(logicalId),
            resolveCdk(
              {
                Pattern: properties.EventPattern,
                DeadLetterConfig: {
                  Type: 'SQS',
                  Destination: (target.DeadLetterConfig as Json).Arn,
                },
                RetryPolicy: target.RetryPolicy,
              },
              ids
            ),
          ];
        })
      );
      // Direct mode: the function's EventBridgeRule events; buffered mode:
      // the Buffered<event> rules that target the queue (the function's are
      // then disabled).
      const functionEvents = Object.fromEntries(
        Object.entries(samFunction.Events as Record<string, Json>).map(
          ([name, event]) => {
            expect(event.Type).toBe('EventBridgeRule');
            return [name, samResolved(event.Properties) as Json];
          }
        )
      );
      const bufferedRules = Object.fromEntries(
        Object.keys(functionEvents).map((name) => {
          const rule = sam.Resources[`Buffered${name}`];
          expect(rule?.Type, name).toBe('AWS::Events::Rule');
          const properties = samResolved(rule?.Properties) as Json;
          const [target = {}] = properties.Targets as Json[];
          return [
            name,
            {
              State: properties.State,
              Pattern: properties.EventPattern,
              DeadLetterConfig: {
                Type: 'SQS',
                Destination: (target.DeadLetterConfig as Json).Arn,
              },
              RetryPolicy: target.RetryPolicy,
            },
          ];
        })
      );
      const [samEvents, disabled] =
        mode === 'direct'
          ? [functionEvents, bufferedRules]
          : [bufferedRules, functionEvents];
      // The other mode's rules are never on: the function's are disabled
      // in buffered mode, the queue's exist only in buffered mode.
      for (const [name, rule] of Object.entries(disabled)) {
        if (mode === 'buffered') expect(rule.State).toBe('DISABLED');
        else {
          expect(sam.Resources[`Buffered${name}`]?.Condition).toBe('Buffered');
        }
      }
      // Rules of kinds no route asks for are deployed disabled in SAM and
      // left out by CDK: compare the enabled ones.
      const enabled = Object.fromEntries(
        Object.entries(samEvents).flatMap(([name, { State, ...rule }]) =>
          State === 'DISABLED' ? [] : [[name, rule]]
        )
      );

      expect(enabled).toEqual(cdk);
      expect(Object.keys(enabled).sort()).toEqual([
        'Inspector2Findings',
        'Inspector2OnDemandAmiFindings',
        'SecurityHubFindingsImported',
        'SecurityHubFindingsImportedV2',
      ]);
      expect(Object.keys(samEvents).sort()).toEqual(
        basePatterns()
          .map((rule) => rule.id)
          .sort()
      );
      for (const rule of basePatterns()) {
        expect((samEvents[rule.id] as Json).Pattern).toEqual(rule.pattern);
      }
    });

    it('grants the same IAM statements on the same resources', () => {
      const [policy = {}] = Object.values(
        synth.template.findResources('AWS::IAM::Policy')
      );
      const cdkStatements = resolveCdk(
        ((policy.Properties as Json).PolicyDocument as Json).Statement,
        ids
      ) as unknown[];
      const role = sam.Resources.Role?.Properties as {
        Policies: { PolicyDocument: { Statement: unknown[] } }[];
      };
      const samStatements = samResolved(
        role.Policies.flatMap((item) => item.PolicyDocument.Statement)
      ) as unknown[];

      expect(normalize(samStatements)).toEqual(normalize(cdkStatements));
      // Buffered mode adds receiving from the buffer queue and sending held findings back.
      expect(normalize(samStatements)).toHaveLength(mode === 'direct' ? 6 : 8);
    });

    it('deploys the same function: runtime, architecture, timeout, memory, environment, failure destination', () => {
      const [fn] = Object.values(
        synth.template.findResources('AWS::Lambda::Function')
      );
      const cdk = fn?.Properties as Json;
      const [invoke] = Object.values(
        synth.template.findResources('AWS::Lambda::EventInvokeConfig')
      );
      const cdkInvoke = invoke?.Properties as Json;

      expect(samFunction.Runtime).toBe(cdk.Runtime);
      expect(samFunction.Architectures).toEqual(cdk.Architectures);
      expect(samFunction.Handler).toBe(cdk.Handler);
      expect(samResolved(samFunction.Timeout)).toBe(cdk.Timeout);
      expect(sam.Parameters.MemorySize?.Default).toBe(cdk.MemorySize);
      // The zip `npm run build` writes, as CDK deploys it (modes written out).
      expect(samFunction.CodeUri).toBe('../../dist/notify-findings.zip');
      expect(samResolved(samFunction.Environment)).toEqual(
        resolveCdk(cdk.Environment, ids)
      );
      expect(samResolved(samFunction.EventInvokeConfig)).toEqual(
        resolveCdk(
          {
            MaximumRetryAttempts: cdkInvoke.MaximumRetryAttempts,
            MaximumEventAgeInSeconds: cdkInvoke.MaximumEventAgeInSeconds,
            DestinationConfig: {
              OnFailure: {
                Type: 'SQS',
                Destination: (
                  (cdkInvoke.DestinationConfig as Json).OnFailure as Json
                ).Destination,
              },
            },
          },
          ids
        )
      );
    });

    it.runIf(mode === 'buffered')(
      'buffers events in the same queue, handed to the function in the same batches',
      () => {
        const cdkQueue = Object.entries(
          synth.template.findResources('AWS::SQS::Queue')
        ).find(([logicalId]) => ids.get(logicalId) === 'BufferQueue')?.[1]
          ?.Properties as Json;
        const samQueue = samResolved(
          sam.Resources.BufferQueue?.Properties
        ) as Json;
        expect(samQueue.SqsManagedSseEnabled).toBe(
          cdkQueue.SqsManagedSseEnabled
        );
        expect(samQueue.MessageRetentionPeriod).toBe(
          cdkQueue.MessageRetentionPeriod
        );
        expect((samQueue.RedrivePolicy as Json).maxReceiveCount).toBe(
          (cdkQueue.RedrivePolicy as Json).maxReceiveCount
        );
        // CloudFormation cannot add: SAM sizes it for the longest window.
        const timeout = samResolved(samFunction.Timeout) as number;
        expect(samQueue.VisibilityTimeout).toBe(
          bufferTimings(timeout, 300).visibilitySeconds
        );
        expect(cdkQueue.VisibilityTimeout).toBe(
          bufferTimings(timeout, 20).visibilitySeconds
        );
        const [mapping] = Object.values(
          synth.template.findResources('AWS::Lambda::EventSourceMapping')
        );
        const cdkMapping = mapping?.Properties as Json;
        const samMapping = sam.Resources.BufferEventSourceMapping
          ?.Properties as Json;
        const defaults = {
          BatchSize: sam.Parameters.BatchSize?.Default,
          MaximumBatchingWindowInSeconds:
            sam.Parameters.BatchingWindowSeconds?.Default,
          ScalingConfig: {
            MaximumConcurrency: sam.Parameters.MaxConcurrency?.Default,
          },
          FunctionResponseTypes: samMapping.FunctionResponseTypes,
        };
        expect(defaults).toEqual({
          BatchSize: cdkMapping.BatchSize,
          MaximumBatchingWindowInSeconds:
            cdkMapping.MaximumBatchingWindowInSeconds,
          ScalingConfig: cdkMapping.ScalingConfig,
          FunctionResponseTypes: cdkMapping.FunctionResponseTypes,
        });
        expect(samMapping.FunctionResponseTypes).toEqual([
          'ReportBatchItemFailures',
        ]);
      }
    );

    it('creates the same dedup table', () => {
      const [table] = Object.values(
        synth.template.findResources('AWS::DynamoDB::Table')
      );
      expect(sam.Resources.DedupTable?.Properties).toEqual(table?.Properties);
    });

    it('passes cdk-nag with existing topics, topic keys and acknowledgement on', () => {
      for (const report of synth.nag) {
        expect(report.violations, report.pluginName).toEqual([]);
      }
      expect(
        synth.nag.flatMap((report) =>
          report.suppressedViolations.map((item) => item.acknowledgedId)
        )
      ).toContain('AwsSolutions::AwsSolutions-IAM5[Resource::*]');
    });
  }
);

describe('SAM template: failure alarms', () => {
  it('notify the AlarmTopicArn parameter when it is set, nothing otherwise', () => {
    const alarms = Object.values(sam.Resources).filter(
      (resource) => resource.Type === 'AWS::CloudWatch::Alarm'
    );
    // The function's two, the buffer dead-letter queue's (buffered mode),
    // and the Slack relay's two (deployed with a relay topic).
    expect(alarms).toHaveLength(5);
    for (const alarm of alarms) {
      expect(alarm.Properties.AlarmActions).toEqual({
        'Fn::If': [
          'HasAlarmTopic',
          [{ Ref: 'AlarmTopicArn' }],
          { Ref: 'AWS::NoValue' },
        ],
      });
    }
    expect(sam.Parameters.AlarmTopicArn).toMatchObject({ Default: '' });
  });
});

describe('SAM template: the Region of the route topics', () => {
  it('refuses to deploy to another Region than the topics the function may publish to', () => {
    const sam = yamlParse(readFileSync('infra/sam/template.yaml', 'utf8')) as {
      Rules: Record<string, Json>;
    };
    expect(sam.Rules.TopicsInDeployRegion).toMatchObject({
      RuleCondition: {
        'Fn::Not': [{ 'Fn::Equals': [{ Ref: 'TopicRegion' }, ''] }],
      },
      Assertions: [
        {
          Assert: {
            'Fn::Equals': [{ Ref: 'TopicRegion' }, { Ref: 'AWS::Region' }],
          },
        },
      ],
    });
  });

  it('gets the Region from sam:params: the one allowTopicRegions does not list, none when all are listed', () => {
    const topic = (region: string, name: string) =>
      `arn:aws:sns:${region}:123456789012:${name}`;
    const config = (allow: string) =>
      parseConfig(
        `allowTopicRegions: [${allow}]\nroutes:\n  - { name: a, topicArn: '${topic('eu-west-1', 'a')}' }\n  - { name: b, topicArn: '${topic('us-east-1', 'b')}' }\n`,
        'regions.yaml'
      );

    expect(samParametersFor(config('us-east-1')).TopicRegion).toBe('eu-west-1');
    expect(samParametersFor(config('us-east-1, eu-west-1')).TopicRegion).toBe(
      ''
    );
  });
});

describe('SAM template: deployed permissions (issue 16, item 8)', () => {
  const pattern = (name: string) =>
    new RegExp(String(sam.Parameters[name]?.AllowedPattern));

  it('refuses `*` and malformed ARNs in TopicArns and TopicKeyArns, one by one', () => {
    const topics = pattern('TopicArns');
    expect(topics.test('arn:aws:sns:eu-central-1:123456789012:security')).toBe(
      true
    );
    for (const bad of [
      '*',
      'arn:aws:sns:*:*:*',
      'arn:aws:sns:eu-central-1:123456789012:*',
    ]) {
      expect(topics.test(bad), bad).toBe(false);
    }
    const keys = pattern('TopicKeyArns');
    expect(keys.test('')).toBe(true);
    expect(keys.test(KEY_ARN)).toBe(true);
    expect(keys.test('*')).toBe(false);
    expect(keys.test('arn:aws:kms:us-east-1:123456789012:key/*')).toBe(false);
  });

  it('lets EventBridge write to the dead-letter queue only from the rules of the mode deployed', () => {
    const policy = sam.Resources.RuleDeadLetterQueuePolicy?.Properties as {
      PolicyDocument: { Statement: Json[] };
    };
    const allow = policy.PolicyDocument.Statement.find(
      (statement) => statement.Effect === 'Allow'
    );
    const events = Object.keys(
      (sam.Resources.Function?.Properties.Events ?? {}) as Json
    );
    const arnsOf = (prefix: string) =>
      events.map((name) => ({ 'Fn::GetAtt': [`${prefix}${name}`, 'Arn'] }));
    expect(events).toHaveLength(basePatterns().length);
    expect(allow?.Condition).toEqual({
      ArnEquals: {
        'aws:SourceArn': {
          'Fn::If': ['Buffered', arnsOf('Buffered'), arnsOf('Function')],
        },
      },
    });
  });

  it('trusts Chatbot only from this account and sets a deny-all guardrail', () => {
    const role = sam.Resources.ChatbotRole?.Properties as {
      AssumeRolePolicyDocument: { Statement: Json[] };
    };
    expect(role.AssumeRolePolicyDocument.Statement[0]?.Condition).toEqual({
      StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
    });
    expect(sam.Resources.ChatbotGuardrail?.Properties.PolicyDocument).toEqual({
      Version: '2012-10-17',
      Statement: [CHAT_GUARDRAIL_STATEMENT],
    });
    expect(sam.Resources.SlackChannel?.Properties.GuardrailPolicies).toEqual([
      { Ref: 'ChatbotGuardrail' },
    ]);
  });
});
