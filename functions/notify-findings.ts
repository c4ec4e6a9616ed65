import { readFile } from 'node:fs/promises';
import {
  type Acknowledger,
  someRouteAcknowledges,
} from '../src/acknowledge/acknowledger.js';
import { configSourceFromEnv } from '../src/config/config-source.js';
import { loadConfig } from '../src/config/load-config.js';
import { ssmParameterReader } from '../src/config/ssm-parameter.js';
import { dedupTableFromEnv } from '../src/dedup/dedup-table-env.js';
import { lazyDedupStore } from '../src/dedup/lazy-dedup-store.js';
import {
  createNotifierHandler,
  createObservability,
} from '../src/handler/notifier-handler.js';
import { lazyPublisher } from '../src/publish/lazy-publisher.js';
import { SNS_CLIENT_OPTIONS } from '../src/publish/sns-client-options.js';

// Init phase, once per execution environment: a bad config or a missing
// table name fails the cold start loudly instead of dropping findings later.
const config = await loadConfig(configSourceFromEnv(process.env), {
  readFile: (path) => readFile(path, 'utf8'),
  getParameter: ssmParameterReader(),
});
const dedupTable = dedupTableFromEnv(process.env);
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

// The AWS SDK (the DynamoDB and SNS clients and the core they share, over
// half of the code) loads on the first event that claims or publishes: the
// same cost, paid once, but not by a cold start whose event is ignored,
// rejected or filtered. Its module graph is checked by \`npm run smoke\`.
const dedup = lazyDedupStore(async () => {
  const [{ DynamoDBClient }, { createDynamoDbDedupStore }] = await Promise.all([
    import('@aws-sdk/client-dynamodb'),
    import('../src/dedup/dynamodb-store.js'),
  ]);
  return createDynamoDbDedupStore({
    client: new DynamoDBClient({ retryMode: 'standard', maxAttempts: 4 }),
    tableName: dedupTable,
  });
});
const publisher = lazyPublisher(async () => {
  const [{ SNSClient }, { createSnsPublisher }] = await Promise.all([
    import('@aws-sdk/client-sns'),
    import('../src/publish/sns-publisher.js'),
  ]);
  return createSnsPublisher(new SNSClient(SNS_CLIENT_OPTIONS));
});

export const handler = createNotifierHandler({
  config,
  logger,
  metrics,
  dedup,
  publisher,
  ...(acknowledger ? { acknowledger } : {}),
});
