import { Aws, CfnRule, Fn, Stack, Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import { topicRegionOf } from '../../../src/config/topic-regions.js';
import type { CreatedTopics, ExistingTopics } from '../notifier-props.js';

export type RouteTopics = {
  readonly topics: sns.ITopic[];
  /** The key of created encrypted topics. */
  readonly key?: kms.Key;
  /** Every KMS key the function must use to publish. */
  readonly keyArns: readonly string[];
};

/** `arn:aws:sns:<region>:<account>:<name>` → `<name>` (validated by the config schema). */
const topicNameOf = (arn: string): string => arn.split(':')[5] ?? arn;

/** Created topics keep the config's ARNs only in the ARNs' account and region. */
const assertTopicsHere = (scope: Construct, topicArns: readonly string[]) => {
  const places = new Set(
    topicArns.map((arn) => arn.split(':').slice(3, 5).join(':'))
  );
  const [place] = [...places];
  if (places.size !== 1 || !place) {
    throw new Error(
      `topics: 'create' makes every route topic in the stack's account and Region, so they must all be in one; found ${[...places].join(', ')}. Create the topics yourself and deploy with existing topics (-c existingTopics=true), listing the Regions other than the stack's in the config's allowTopicRegions.`
    );
  }
  const [region = '', account = ''] = place.split(':');
  new CfnRule(Stack.of(scope), 'RouteTopicsAccountAndRegion', {
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
};

/**
 * Existing topics in a Region `allowTopicRegions` does not list can only be
 * published to from that Region: refused at synth when the stack's Region
 * is known, and by a CloudFormation rule at deploy otherwise, before
 * anything is created.
 */
const assertExistingTopicsRegion = (
  scope: Construct,
  topicArns: readonly string[],
  allowTopicRegions: readonly string[]
) => {
  const regions = [...new Set(topicArns.map(topicRegionOf))].filter(
    (region) => !allowTopicRegions.includes(region)
  );
  const [region, ...others] = regions;
  if (!region) return;
  const allow = `or list ${region} in the config's allowTopicRegions (the function then publishes there from any Region)`;
  if (others.length > 0) {
    throw new Error(
      `route topics are in several Regions (${regions.join(', ')}), and the function can only be in one: list every Region but the one you deploy to in the config's allowTopicRegions`
    );
  }
  const stack = Stack.of(scope);
  if (!Token.isUnresolved(stack.region) && stack.region !== region) {
    throw new Error(
      `the route topics are in ${region}, but the stack deploys to ${stack.region}: deploy to ${region}, ${allow}`
    );
  }
  new CfnRule(stack, 'RouteTopicsRegion', {
    assertions: [
      {
        assert: Fn.conditionEquals(Aws.REGION, region),
        assertDescription: `The config's route topics are in Region ${region}, and the function publishes only to topics in its own Region: deploy this stack to ${region} (AWS_REGION or the profile's Region), ${allow}.`,
      },
    ],
  });
};

/**
 * The route topics: created (standard, TLS only, encrypted with a rotating
 * customer-managed key unless turned off), or the config's existing ARNs.
 */
export const routeTopics = (
  scope: Construct,
  topicArns: readonly string[],
  props: CreatedTopics | ExistingTopics,
  /** Regions other than the stack's that existing topics may be in. */
  allowTopicRegions: readonly string[] = []
): RouteTopics => {
  if (props.kind === 'existing') {
    assertExistingTopicsRegion(scope, topicArns, allowTopicRegions);
    return {
      topics: topicArns.map((arn, index) =>
        sns.Topic.fromTopicArn(scope, `Topic${index + 1}`, arn)
      ),
      keyArns: props.keyArns ?? [],
    };
  }
  const key =
    (props.encrypt ?? true)
      ? new kms.Key(scope, 'TopicKey', {
          description: 'findings-notifier SNS topics',
          enableKeyRotation: true,
        })
      : undefined;
  const topics = topicArns.map(
    (arn, index) =>
      new sns.Topic(scope, `Topic${index + 1}`, {
        topicName: topicNameOf(arn),
        ...(key ? { masterKey: key } : {}),
        enforceSSL: true,
      })
  );
  assertTopicsHere(scope, topicArns);
  return key ? { topics, key, keyArns: [key.keyArn] } : { topics, keyArns: [] };
};

/**
 * On the topics this stack created: `sns:Publish` is denied to every
 * principal but the function's role. Nothing else publishes to a route
 * topic (Chatbot subscribes, the alarms use their own topic), so no other
 * account principal with `sns:Publish` can post a message that bypasses the
 * notifier's escaping. Imported topics keep their owner's policy.
 */
export const restrictPublishing = (
  topics: readonly sns.ITopic[],
  fn: lambda.IFunction
): void => {
  const role = fn.role;
  if (!role) return;
  for (const topic of topics) {
    if (!(topic instanceof sns.Topic)) continue;
    topic.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'OnlyTheNotifierPublishes',
        effect: iam.Effect.DENY,
        principals: [new iam.AnyPrincipal()],
        actions: ['sns:Publish'],
        resources: [topic.topicArn],
        conditions: { ArnNotEquals: { 'aws:PrincipalArn': role.roleArn } },
      })
    );
    topic.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'TheNotifierPublishes',
        principals: [new iam.ArnPrincipal(role.roleArn)],
        actions: ['sns:Publish'],
        resources: [topic.topicArn],
      })
    );
  }
};
