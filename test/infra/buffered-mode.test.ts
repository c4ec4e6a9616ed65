import { Duration } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { addNagChecks } from '../../infra/cdk/create-app.js';
import { FindingsNotifierStack } from '../../infra/cdk/stack.js';
import { bufferTimings } from '../../infra/cdk/steps/buffered-mode.js';
import { loadNotifierConfig } from '../../infra/notifier-config.js';
import { synthesize } from '../helpers/synth.js';

const { config } = loadNotifierConfig('config/example.yaml');

const stackWith = (notifier: Record<string, unknown>) =>
  synthesize((app) => {
    addNagChecks(app);
    return new FindingsNotifierStack(app, 'buffered', {
      notifier: { config, topics: { kind: 'existing' }, ...notifier },
    });
  });

describe('Infra: buffered mode (the default) and direct mode', () => {
  it('derives the lease and the visibility timeout from the timeout and the window', () => {
    expect(bufferTimings(120, 20)).toEqual({
      leaseSeconds: 135,
      visibilitySeconds: 740,
    });
    expect(bufferTimings(30, 0).leaseSeconds).toBe(45);
  });

  it('puts an encrypted queue with a dead-letter queue between the rules and the function', () => {
    // Act
    const synth = stackWith({
      buffering: { batchingWindow: Duration.seconds(60), maxConcurrency: 3 },
    });

    // Assess
    synth.template.hasResourceProperties('AWS::SQS::Queue', {
      SqsManagedSseEnabled: true,
      VisibilityTimeout: 6 * 120 + 60,
      RedrivePolicy: Match.objectLike({ maxReceiveCount: 5 }),
    });
    synth.template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      BatchSize: 10_000,
      MaximumBatchingWindowInSeconds: 60,
      ScalingConfig: { MaximumConcurrency: 3 },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
    const rules = Object.values(
      synth.template.findResources('AWS::Events::Rule')
    );
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) {
      const [target] = (rule.Properties as { Targets: { Arn: unknown }[] })
        .Targets;
      expect(JSON.stringify(target?.Arn)).toContain('BufferQueue');
    }
    expect(
      Object.keys(synth.template.findResources('AWS::CloudWatch::Alarm'))
    ).toHaveLength(3);
    // A route in a burst sends its held findings back to this queue only.
    synth.template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          {
            Sid: 'HoldBurstFindings',
            Effect: 'Allow',
            Action: 'sqs:SendMessage',
            Resource: {
              'Fn::GetAtt': [
                Match.stringLikeRegexp('^NotifierBufferQueue'),
                'Arn',
              ],
            },
          },
        ]),
      },
    });
    for (const report of synth.nag) expect(report.violations).toEqual([]);
  });

  it('keeps direct mode: rules invoke the function, 30 s timeout, 45 s lease, no queue', () => {
    // Act
    const synth = stackWith({ mode: 'direct' });

    // Assess
    synth.template.resourceCountIs('AWS::Lambda::EventSourceMapping', 0);
    synth.template.hasResourceProperties('AWS::Lambda::Function', {
      Timeout: 30,
      Environment: {
        Variables: Match.objectLike({ DEDUP_LEASE_SECONDS: '45' }),
      },
    });
    for (const rule of Object.values(
      synth.template.findResources('AWS::Events::Rule')
    )) {
      const [target] = (rule.Properties as { Targets: { Arn: unknown }[] })
        .Targets;
      expect(JSON.stringify(target?.Arn)).toContain('Function');
    }
    for (const report of synth.nag) expect(report.violations).toEqual([]);
  });
});
