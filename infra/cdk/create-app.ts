import { type App, Duration, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { assertBundledConfig, DEFAULT_BUNDLE_DIR } from '../bundle-record.js';
import {
  assertTopicRegions,
  DEFAULT_CONFIG_FILE,
  loadNotifierConfig,
} from '../notifier-config.js';
import { notifierCode } from './notifier-code.js';
import type { CreatedTopics, ExistingTopics } from './notifier-props.js';
import { FindingsNotifierStack } from './stack.js';

/**
 * Adds the notifier stack to an app from its context values (`-c key=value`
 * or cdk.json), with the AwsSolutions and Serverless cdk-nag packs:
 * - `configFile`: the config file (default `config/example.yaml`); it must
 *   be the one `npm run build` bundled (`CONFIG_FILE=...`), else synth
 *   refuses and says what to run;
 * - `bundleDir`: the built function (default `dist/notify-findings`);
 * - `existingTopics`: `true` to publish to the routes' topic ARNs as they
 *   are instead of creating them;
 * - `topicKeyArns`: comma-separated KMS key ARNs of existing encrypted
 *   topics (with `existingTopics=true`);
 * - `encryptTopics`: `false` to create the topics unencrypted;
 * - `slackWorkspaceId` + `slackChannelId`: subscribe AWS Chatbot in that
 *   Slack channel to the route topics;
 * - `reservedConcurrency`, `memorySize`: function sizing;
 * - `mode`: `direct` for EventBridge → function per event (default
 *   `buffered`: rules → SQS queue → batches, bursts become digests);
 *   `batchingWindowSeconds` (default 20, at most 300), `batchSize`
 *   (default 10000) and `maxConcurrency` (default 2) tune buffered mode;
 * - `stackName` (default `findings-notifier`).
 */
type Context = (key: string) => string | undefined;

/**
 * The topics props from `existingTopics`, `topicKeyArns` and
 * `encryptTopics`, refusing the combinations that would mean nothing.
 */
const topicsFrom = (context: Context): CreatedTopics | ExistingTopics => {
  const keyArns = context('topicKeyArns')?.split(',').filter(Boolean);
  const encrypt = context('encryptTopics');
  if (context('existingTopics') === 'true') {
    if (encrypt !== undefined) {
      throw new Error(
        'encryptTopics applies to created topics; with existingTopics=true name the keys of encrypted topics in topicKeyArns'
      );
    }
    return { kind: 'existing', ...(keyArns ? { keyArns } : {}) };
  }
  if (keyArns) {
    throw new Error(
      'topicKeyArns names the keys of existing topics: set existingTopics=true too, or leave it out (created topics get their own key)'
    );
  }
  return { kind: 'create', ...(encrypt === 'false' ? { encrypt: false } : {}) };
};

export const createApp = (app: App): FindingsNotifierStack => {
  const context: Context = (key) => {
    const value: unknown = app.node.tryGetContext(key);
    return value === undefined || value === '' ? undefined : String(value);
  };
  const number = (key: string): number | undefined => {
    const value = context(key);
    if (value === undefined) return undefined;
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < 0) {
      throw new Error(`context ${key} must be a whole number, got ${value}`);
    }
    return parsed;
  };

  // Context values that contradict each other are refused before anything
  // is read from disk.
  const topics = topicsFrom(context);
  const configFile = context('configFile') ?? DEFAULT_CONFIG_FILE;
  const file = loadNotifierConfig(configFile);
  const { config } = file;
  assertTopicRegions(file);
  const bundleDir = context('bundleDir') ?? DEFAULT_BUNDLE_DIR;
  assertBundledConfig(
    bundleDir,
    file,
    (path) => `\`npx cdk deploy -c configFile=${path}\``
  );
  const workspaceId = context('slackWorkspaceId');
  const channelId = context('slackChannelId');
  if ((workspaceId === undefined) !== (channelId === undefined)) {
    throw new Error('set both slackWorkspaceId and slackChannelId, or neither');
  }
  const memorySize = number('memorySize');
  const reservedConcurrency = number('reservedConcurrency');
  const alarmTopicArn = context('alarmTopicArn');
  const mode = context('mode') ?? 'buffered';
  if (mode !== 'buffered' && mode !== 'direct') {
    throw new Error(`context mode must be buffered or direct, got ${mode}`);
  }
  const window = number('batchingWindowSeconds');
  const batchSize = number('batchSize');
  const maxConcurrency = number('maxConcurrency');
  if (
    mode === 'direct' &&
    [window, batchSize, maxConcurrency].some((value) => value !== undefined)
  ) {
    throw new Error(
      'batchingWindowSeconds, batchSize and maxConcurrency tune buffered mode: leave them out with mode=direct'
    );
  }

  const stack = new FindingsNotifierStack(
    app,
    context('stackName') ?? 'findings-notifier',
    {
      description:
        'findings-notifier: Inspector and Security Hub findings to chat',
      notifier: {
        config,
        ...(bundleDir ? { code: notifierCode(bundleDir) } : {}),
        topics,
        ...(alarmTopicArn ? { alarmTopicArn } : {}),
        mode,
        buffering: {
          ...(window === undefined
            ? {}
            : { batchingWindow: Duration.seconds(window) }),
          ...(batchSize === undefined ? {} : { batchSize }),
          ...(maxConcurrency === undefined ? {} : { maxConcurrency }),
        },
        ...(memorySize === undefined ? {} : { memorySize }),
        ...(reservedConcurrency === undefined ? {} : { reservedConcurrency }),
        ...(workspaceId && channelId
          ? { slack: { workspaceId, channelId } }
          : {}),
      },
    }
  );
  addNagChecks(app);
  return stack;
};

/** cdk-nag 3.x: the AwsSolutions and Serverless packs; synth fails on unacknowledged errors. */
export const addNagChecks = (app: App): void => {
  Validations.of(app).addPlugins(
    new AwsSolutionsChecks(app),
    new ServerlessChecks(app)
  );
};
