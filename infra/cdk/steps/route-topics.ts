import { Aws, CfnRule, Fn, Stack } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
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
      `topics: 'create' needs every route topic in one account and region; found ${[...places].join(', ')}. Deploy with existing topics (-c existingTopics=true).`
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
 * The route topics: created (standard, TLS only, encrypted with a rotating
 * customer-managed key unless turned off), or the config's existing ARNs.
 */
export const routeTopics = (
  scope: Construct,
  topicArns: readonly string[],
  props: CreatedTopics | ExistingTopics
): RouteTopics => {
  if (props.kind === 'existing') {
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
