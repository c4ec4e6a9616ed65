import { readFile } from 'node:fs/promises';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  type Acknowledger,
  someRouteAcknowledges,
} from '../src/acknowledge/acknowledger.js';
import { configSourceFromEnv } from '../src/config/config-source.js';
import { loadConfig } from '../src/config/load-config.js';
import { ssmParameterReader } from '../src/config/ssm-parameter.js';
import {
  readValidatedConfig,
  VALIDATED_CONFIG_NAME,
} from '../src/config/validated-config.js';
import { dedupLeaseMsFromEnv } from '../src/dedup/dedup-lease-env.js';
import { dedupTableFromEnv } from '../src/dedup/dedup-table-env.js';
import { createDynamoDbBurstLedger } from '../src/dedup/dynamodb-burst-ledger.js';
import { createDynamoDbDedupStore } from '../src/dedup/dynamodb-store.js';
import {
  createNotifierHandler,
  createObservability,
} from '../src/handler/notifier-handler.js';
import { snsClientsFor } from '../src/publish/regional-sns-clients.js';
import { createSnsPublisher } from '../src/publish/sns-publisher.js';
import {
  createSqsHolder,
  type SendToQueue,
} from '../src/publish/sqs-holder.js';

// Init phase, once per execution environment: a bad config or a missing
// table name fails the cold start loudly instead of dropping findings later.
const config = await loadConfig(configSourceFromEnv(process.env), {
  readFile: (path) => readFile(path, 'utf8'),
  getParameter: ssmParameterReader(),
  // The build validated the bundled config: no schema at cold start for it.
  validated: await readValidatedConfig(() =>
    readFile(new URL(VALIDATED_CONFIG_NAME, import.meta.url), 'utf8')
  ),
});
const dedupTable = dedupTableFromEnv(process.env);
// Longer than the function's timeout: CDK and SAM derive one from the other.
const leaseMs = dedupLeaseMsFromEnv(process.env);
const { logger, metrics } = createObservability(config.logLevel);

// The Security Hub client is large: load it only when a route acknowledges.
const loadAcknowledger = async (): Promise<Acknowledger> => {
  const [{ SecurityHubClient }, { createSecurityHubAcknowledger }] =
    await Promise.all([
      import('@aws-sdk/client-securityhub'),
      import('../src/acknowledge/security-hub-acknowledger.js'),
    ]);
  return createSecurityHubAcknowledger(
    () => new SecurityHubClient({ retryMode: 'standard', maxAttempts: 4 })
  );
};
const acknowledger = someRouteAcknowledges(config)
  ? await loadAcknowledger()
  : undefined;

// Buffered mode sends held findings back to its queue: the SQS client is
// loaded the first time a burst holds some, never at cold start.
let sqs: Promise<SendToQueue> | undefined;
const loadSqs = async (): Promise<SendToQueue> => {
  const { SQSClient, SendMessageCommand } = await import('@aws-sdk/client-sqs');
  const client = new SQSClient({ retryMode: 'standard', maxAttempts: 4 });
  return async ({ queueUrl, body, delaySeconds }) => {
    const output = await client.send(
      new SendMessageCommand({
        QueueUrl: queueUrl,
        MessageBody: body,
        DelaySeconds: delaySeconds,
      })
    );
    return output.MessageId ?? '';
  };
};
const dynamodb = new DynamoDBClient({ retryMode: 'standard', maxAttempts: 4 });

export const handler = createNotifierHandler({
  config,
  logger,
  metrics,
  leaseMs,
  dedup: createDynamoDbDedupStore({
    client: dynamodb,
    tableName: dedupTable,
    leaseMs,
  }),
  bursts: createDynamoDbBurstLedger({
    client: dynamodb,
    tableName: dedupTable,
  }),
  holder: createSqsHolder(async (request) => {
    // A failed load is tried again by the next held chunk.
    sqs ??= loadSqs().catch((error: unknown) => {
      sqs = undefined;
      throw error;
    });
    return (await sqs)(request);
  }),
  // One SNS client per topic Region (allowTopicRegions).
  publisher: createSnsPublisher(
    snsClientsFor(config.routes.map((route) => route.topicArn))
  ),
  ...(acknowledger ? { acknowledger } : {}),
});
