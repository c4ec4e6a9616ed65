import { readFile } from 'node:fs/promises';
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SNSClient } from '@aws-sdk/client-sns';
import {
  type Acknowledger,
  someRouteAcknowledges,
} from '../src/acknowledge/acknowledger.js';
import { configSourceFromEnv } from '../src/config/config-source.js';
import { loadConfig } from '../src/config/load-config.js';
import { ssmParameterReader } from '../src/config/ssm-parameter.js';
import { DEFAULT_LEASE_MS } from '../src/dedup/dedup-store.js';
import { dedupTableFromEnv } from '../src/dedup/dedup-table-env.js';
import { createDynamoDbDedupStore } from '../src/dedup/dynamodb-store.js';
import { createHandler } from '../src/handler/create-handler.js';
import { createDecisionMetrics } from '../src/observability/decision-metrics.js';
import { powertoolsEmitter } from '../src/observability/powertools-emitter.js';
import { buildPipeline } from '../src/pipeline/build-pipeline.js';
import { SNS_CLIENT_OPTIONS } from '../src/publish/sns-client-options.js';
import { createSnsPublisher } from '../src/publish/sns-publisher.js';

// Init phase, once per execution environment: a bad config or a missing
// table name fails the cold start loudly instead of dropping findings later.
const service = 'findings-notifier';
const logger = new Logger({ serviceName: service });
const metrics = new Metrics({
  namespace: 'FindingsNotifier',
  serviceName: service,
});
const config = await loadConfig(configSourceFromEnv(process.env), {
  readFile: (path) => readFile(path, 'utf8'),
  getParameter: ssmParameterReader(),
});
const dedupTable = dedupTableFromEnv(process.env);
logger.setLogLevel(config.logLevel);

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

export const handler = createHandler({
  log: logger,
  metrics: createDecisionMetrics(powertoolsEmitter(metrics)),
  dedupLeaseMs: DEFAULT_LEASE_MS,
  pipeline: buildPipeline(config, {
    dedup: createDynamoDbDedupStore({
      client: new DynamoDBClient({ retryMode: 'standard', maxAttempts: 4 }),
      tableName: dedupTable,
    }),
    publisher: createSnsPublisher(new SNSClient(SNS_CLIENT_OPTIONS)),
    ...(acknowledger ? { acknowledger } : {}),
    log: logger,
  }),
}).use(injectLambdaContext(logger));
