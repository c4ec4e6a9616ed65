import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';

/** The actions the dedup store calls: nothing else is granted. */
export const DEDUP_TABLE_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:UpdateItem',
] as const;

/** The dedup table: one item per route and finding, TTL for cleanup only. */
export const createDedupTable = (
  scope: Construct,
  removalPolicy: RemovalPolicy = RemovalPolicy.RETAIN
): dynamodb.Table =>
  new dynamodb.Table(scope, 'DedupTable', {
    partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
    billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
    timeToLiveAttribute: 'ttl',
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    encryption: dynamodb.TableEncryption.AWS_MANAGED,
    removalPolicy,
  });
