import { readFile } from 'node:fs/promises';
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { SNSClient } from '@aws-sdk/client-sns';
import { configSourceFromEnv } from '../src/config/config-source.js';
import { loadConfig } from '../src/config/load-config.js';
import { ssmParameterReader } from '../src/config/ssm-parameter.js';
import { createMemoryDedupStore } from '../src/dedup/memory-store.js';
import { createHandler } from '../src/handler/create-handler.js';
import { createDecisionMetrics } from '../src/observability/decision-metrics.js';
import { powertoolsEmitter } from '../src/observability/powertools-emitter.js';
import { buildPipeline } from '../src/pipeline/build-pipeline.js';
import { createSnsPublisher } from '../src/publish/sns-publisher.js';

// Init phase, once per execution environment: a bad config fails the cold
// start loudly instead of dropping findings later.
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
logger.setLogLevel(config.logLevel);

export const handler = createHandler({
  log: logger,
  metrics: createDecisionMetrics(powertoolsEmitter(metrics)),
  pipeline: buildPipeline(config, {
    dedup: createMemoryDedupStore(),
    publisher: createSnsPublisher(
      new SNSClient({ retryMode: 'standard', maxAttempts: 4 })
    ),
  }),
}).use(injectLambdaContext(logger));
