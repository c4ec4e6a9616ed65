import { readFile } from 'node:fs/promises';
import { Logger } from '@aws-lambda-powertools/logger';
import { SNSClient } from '@aws-sdk/client-sns';
import { SSMClient } from '@aws-sdk/client-ssm';
import { configSourceFromEnv } from '../src/config/config-source.js';
import { loadConfig } from '../src/config/load-config.js';
import { ssmParameterReader } from '../src/config/ssm-parameter.js';
import { createMemoryDedupStore } from '../src/dedup/memory-store.js';
import { createHandler } from '../src/handler/create-handler.js';
import { buildPipeline } from '../src/pipeline/build-pipeline.js';
import { SNS_CLIENT_OPTIONS } from '../src/publish/sns-client-options.js';
import { createSnsPublisher } from '../src/publish/sns-publisher.js';

// Init phase, once per execution environment: a bad config fails the cold
// start loudly instead of dropping findings later.
const logger = new Logger({ serviceName: 'findings-notifier' });
const config = await loadConfig(configSourceFromEnv(process.env), {
  readFile: (path) => readFile(path, 'utf8'),
  getParameter: ssmParameterReader(new SSMClient({})),
});
logger.setLogLevel(config.logLevel);

export const handler = createHandler({
  log: logger,
  pipeline: buildPipeline(config, {
    dedup: createMemoryDedupStore(),
    publisher: createSnsPublisher(new SNSClient(SNS_CLIENT_OPTIONS)),
    log: logger,
  }),
});
