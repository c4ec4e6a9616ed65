import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { App, type Environment } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Code } from 'aws-cdk-lib/aws-lambda';
import { describe, expect, it } from 'vitest';
import type {
  CreatedTopics,
  ExistingTopics,
} from '../../infra/cdk/notifier-props.js';
import { FindingsNotifierStack } from '../../infra/cdk/stack.js';
import {
  assertTopicRegions,
  loadNotifierConfig,
} from '../../infra/notifier-config.js';
import { parseConfig } from '../../src/config/parse-config.js';
import { REPO_ROOT } from '../helpers/events.js';

const US = 'arn:aws:sns:us-east-1:123456789012:findings-us';
const EU = 'arn:aws:sns:eu-west-1:123456789012:findings-eu';
const AP = 'arn:aws:sns:ap-south-1:123456789012:findings-ap';

const configText = (arns: readonly string[], allow: readonly string[] = []) =>
  [
    'routes:',
    ...arns.map((arn, index) => `  - { name: r${index}, topicArn: "${arn}" }`),
    ...(allow.length > 0 ? [`allowTopicRegions: [${allow.join(', ')}]`] : []),
  ].join('\n');

const configFile = (arns: readonly string[], allow?: readonly string[]) => {
  const path = join(mkdtempSync(join(tmpdir(), 'regions-')), 'config.yaml');
  writeFileSync(path, configText(arns, allow));
  return path;
};

const synth = (
  arns: readonly string[],
  allow: readonly string[] = [],
  topics: CreatedTopics | ExistingTopics = { kind: 'existing' },
  env?: Environment
) => {
  const stack = new FindingsNotifierStack(new App(), 'regions', {
    ...(env ? { env } : {}),
    notifier: {
      config: parseConfig(configText(arns, allow), 'inline'),
      code: Code.fromInline('export const handler = () => {};'),
      topics,
    },
  });
  return Template.fromStack(stack);
};

const rules = (template: Template) =>
  (template.toJSON().Rules ?? {}) as Record<string, unknown>;

describe('Infra: existing topics and the deploy Region', () => {
  it('fails a deploy outside the topics’ Region with a CloudFormation rule', () => {
    // Act
    const template = synth([EU]);

    // Assess
    expect(rules(template).RouteTopicsRegion).toEqual({
      Assertions: [
        {
          Assert: { 'Fn::Equals': [{ Ref: 'AWS::Region' }, 'eu-west-1'] },
          AssertDescription: expect.stringMatching(
            /route topics are in Region eu-west-1.*deploy this stack to eu-west-1.*or list eu-west-1 in the config's allowTopicRegions/
          ),
        },
      ],
    });
    expect(rules(template)).not.toHaveProperty('RouteTopicsAccountAndRegion');
  });

  it('checks only the Region allowTopicRegions leaves out', () => {
    // Act
    const template = synth([US, EU, AP], ['eu-west-1', 'ap-south-1']);

    // Assess
    expect(rules(template).RouteTopicsRegion).toMatchObject({
      Assertions: [
        { Assert: { 'Fn::Equals': [{ Ref: 'AWS::Region' }, 'us-east-1'] } },
      ],
    });
  });

  it('adds no Region rule when every topic Region is allowed', () => {
    expect(
      rules(synth([EU, AP], ['eu-west-1', 'ap-south-1']))
    ).not.toHaveProperty('RouteTopicsRegion');
  });

  it('grants sns:Publish on the topics of every Region', () => {
    // Act
    const template = synth([US, EU, AP], ['eu-west-1', 'ap-south-1']);

    // Assess
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Sid: 'PublishToRouteTopics',
            Action: 'sns:Publish',
            Resource: [US, EU, AP],
          }),
        ]),
      },
    });
  });

  it('refuses at synth a stack whose Region is known and is not the topics’', () => {
    expect(() =>
      synth([US], [], { kind: 'existing' }, { region: 'eu-central-1' })
    ).toThrow(
      'the route topics are in us-east-1, but the stack deploys to eu-central-1: deploy to us-east-1, or list us-east-1 in the config'
    );
  });

  it('refuses topics in several Regions it does not allow', () => {
    expect(() => synth([US, EU, AP], ['ap-south-1'])).toThrow(
      /route topics are in several Regions \(us-east-1, eu-west-1\).*allowTopicRegions/
    );
  });

  it('still creates topics in one Region only, saying to use existing topics', () => {
    expect(() => synth([US, EU], ['eu-west-1'], { kind: 'create' })).toThrow(
      /found us-east-1:123456789012, eu-west-1:123456789012\. Create the topics yourself and deploy with existing topics \(-c existingTopics=true\), listing the Regions other than the stack's in the config's allowTopicRegions/
    );
  });
});

describe('Infra: topics in several Regions at synth and sam:params', () => {
  it('refuses them without allowTopicRegions, saying what to add', () => {
    // Prepare
    const file = loadNotifierConfig(configFile([US, EU, AP], ['ap-south-1']));

    // Act & Assess
    expect(() => assertTopicRegions(file)).toThrow(
      'route topics are in several Regions (us-east-1, eu-west-1), but the function publishes only to topics in the Region it is deployed to and those allowTopicRegions lists. To deploy in us-east-1, add `allowTopicRegions: [ap-south-1, eu-west-1]` to the config (then rebuild)'
    );
  });

  it('accepts them when allowTopicRegions lists all but one', () => {
    // Prepare
    const file = loadNotifierConfig(configFile([US, EU], ['eu-west-1']));

    // Act & Assess
    expect(() => assertTopicRegions(file)).not.toThrow();
  });

  it('sam:params exits 2 with the refusal', async () => {
    // Prepare
    const file = configFile([US, EU]);

    // Act
    const failure = await promisify(execFile)(
      'npx',
      ['tsx', 'infra/sam/sam-params.ts', file],
      { cwd: REPO_ROOT }
    ).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error
    );

    // Assess
    expect(failure?.code).toBe(2);
    expect(failure?.stderr).toContain(
      'sam:params: ' +
        `${file}: route topics are in several Regions (us-east-1, eu-west-1)`
    );
  }, 60_000);
});
