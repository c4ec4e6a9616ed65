import { readFile } from 'node:fs/promises';
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { getSecret } from '@aws-lambda-powertools/parameters/secrets';
import { SQSClient } from '@aws-sdk/client-sqs';
import middy from '@middy/core';
import { configSourceFromEnv } from '../src/config/config-source.js';
import { loadConfig } from '../src/config/load-config.js';
import { ssmParameterReader } from '../src/config/ssm-parameter.js';
import {
  readValidatedConfig,
  VALIDATED_CONFIG_NAME,
} from '../src/config/validated-config.js';
import { realClock } from '../src/slack-relay/clock.js';
import { createDeliveryLog } from '../src/slack-relay/delivery-log.js';
import { sqsFailureKeeper } from '../src/slack-relay/failure-keeper.js';
import { createPacer } from '../src/slack-relay/pacer.js';
import { relayFailureQueueFromEnv } from '../src/slack-relay/relay-env.js';
import { createRelayHandler } from '../src/slack-relay/relay-handler.js';
import { loadWebhookTargets } from '../src/slack-relay/webhook-targets.js';

// Init phase, once per execution environment: the config and every route's
// webhook secret are read here (never logged); a missing one fails the
// cold start loudly.
const logger = new Logger({ serviceName: 'findings-notifier-slack-relay' });
const config = await loadConfig(configSourceFromEnv(process.env), {
  readFile: (path) => readFile(path, 'utf8'),
  getParameter: ssmParameterReader(),
  // The build validated the bundled config: no schema at cold start for it.
  validated: await readValidatedConfig(() =>
    readFile(new URL(VALIDATED_CONFIG_NAME, import.meta.url), 'utf8')
  ),
});
logger.setLogLevel(config.logLevel);
const failureQueueUrl = relayFailureQueueFromEnv(process.env);
const targets = await loadWebhookTargets(config, async (secretId) => {
  const value = await getSecret(secretId);
  if (typeof value !== 'string') {
    throw new Error(`secret ${secretId} has no string value`);
  }
  return value;
});

export const handler = middy(
  createRelayHandler({
    targets,
    pacer: createPacer(realClock),
    clock: realClock,
    delivered: createDeliveryLog(),
    keeper: sqsFailureKeeper(
      new SQSClient({ retryMode: 'standard', maxAttempts: 4 }),
      failureQueueUrl
    ),
    log: logger,
  })
).use(injectLambdaContext(logger));
