import * as iam from 'aws-cdk-lib/aws-iam';
import type * as sns from 'aws-cdk-lib/aws-sns';
import { DEDUP_TABLE_ACTIONS } from './dedup-table.js';

/** What the function may do beyond its logs, each on exactly its resources. */
export type Grants = {
  readonly tableArn: string;
  readonly topics: readonly sns.ITopic[];
  readonly keyArns: readonly string[];
  readonly acknowledges: boolean;
};

/** The function's permissions: one statement per thing it calls. */
export const grantStatements = (grants: Grants): iam.PolicyStatement[] => [
  new iam.PolicyStatement({
    sid: 'DedupTable',
    actions: [...DEDUP_TABLE_ACTIONS],
    resources: [grants.tableArn],
  }),
  new iam.PolicyStatement({
    sid: 'PublishToRouteTopics',
    // Publish and PublishBatch are both authorised by sns:Publish.
    actions: ['sns:Publish'],
    resources: grants.topics.map((topic) => topic.topicArn),
  }),
  ...(grants.keyArns.length > 0
    ? [
        new iam.PolicyStatement({
          sid: 'EncryptForTopics',
          // What SNS needs from a publisher to an SSE-KMS topic.
          actions: ['kms:GenerateDataKey*', 'kms:Decrypt'],
          resources: [...grants.keyArns],
        }),
      ]
    : []),
  ...(grants.acknowledges
    ? [
        new iam.PolicyStatement({
          sid: 'AcknowledgeFindings',
          // Its only resource type is the hub itself: the findings updated
          // cannot be narrowed by resource (docs/deploy.md).
          actions: ['securityhub:BatchUpdateFindings'],
          resources: ['*'],
        }),
      ]
    : []),
];
