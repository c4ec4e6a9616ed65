import { randomUUID } from 'node:crypto';
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import {
  DynamoDBClient,
  GetItemCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import middy from '@middy/core';

/**
 * The cold path's floor: a function built as the notifier is built and
 * deployed, on the libraries it is built on (the AWS SDK's DynamoDB and SNS
 * clients as the notifier configures them, middy, Powertools Logger and
 * Metrics), doing what the notifier's first result does on the wire and in
 * its logs, and nothing else: read the dedup record, claim it, publish the
 * message, confirm the claim, write the decision line and the metrics. No
 * code of the notifier can make its import and first result cheaper than
 * this, or its cold-start bundle smaller.
 */
const TOPIC_ARN = 'arn:aws:sns:us-east-1:123456789012:findings-security';

const tableName = process.env.DEDUP_TABLE_NAME ?? '';
const logger = new Logger({ serviceName: 'findings-notifier' });
const metrics = new Metrics({
  namespace: 'FindingsNotifier',
  serviceName: 'findings-notifier',
});
const dynamodb = new DynamoDBClient({ retryMode: 'standard', maxAttempts: 4 });
const sns = new SNSClient({ retryMode: 'standard', maxAttempts: 4 });

type ColdEvent = { id: string; detail: { findingArn: string } };

const published = async (event: ColdEvent) => {
  const key = { pk: { S: `floor#${event.detail.findingArn}` } };
  const token = randomUUID();
  await dynamodb.send(
    new GetItemCommand({ TableName: tableName, Key: key, ConsistentRead: true })
  );
  await dynamodb.send(
    new UpdateItemCommand({
      TableName: tableName,
      Key: key,
      UpdateExpression: 'SET ver = :next, cTok = :tok, cUntil = :until',
      ConditionExpression: 'attribute_not_exists(ver)',
      ExpressionAttributeValues: {
        ':next': { N: '1' },
        ':tok': { S: token },
        ':until': { N: String(Date.now() + 60_000) },
      },
    })
  );
  const { MessageId } = await sns.send(
    new PublishCommand({
      TopicArn: TOPIC_ARN,
      Subject: 'HIGH CVE-2024-37021 - linux',
      Message: JSON.stringify({ version: '1.0', source: 'custom' }),
    })
  );
  await dynamodb.send(
    new UpdateItemCommand({
      TableName: tableName,
      Key: key,
      UpdateExpression: 'SET aAt = :now REMOVE cTok, cUntil',
      ConditionExpression: 'cTok = :tok',
      ExpressionAttributeValues: {
        ':tok': { S: token },
        ':now': { N: String(Date.now()) },
      },
    })
  );
  logger.info('finding published', {
    eventId: event.id,
    route: 'security-critical',
    outcome: 'published',
    messageId: MessageId,
  });
  metrics.addDimension('route', 'security-critical');
  metrics.addMetric('published', MetricUnit.Count, 1);
  metrics.publishStoredMetrics();
  return { findings: MessageId ? [{ outcome: 'published' }] : [] };
};

export const handler = middy(published).use(injectLambdaContext(logger));
