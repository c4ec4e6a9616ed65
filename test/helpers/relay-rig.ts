import { randomUUID } from 'node:crypto';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import type { Config } from '../../src/config/config-schema.js';
import type { Clock } from '../../src/slack-relay/clock.js';
import { createDeliveryLog } from '../../src/slack-relay/delivery-log.js';
import type {
  FailureKeeper,
  KeptMessage,
} from '../../src/slack-relay/failure-keeper.js';
import { createPacer } from '../../src/slack-relay/pacer.js';
import type { RelayLog } from '../../src/slack-relay/relay.js';
import { createRelayHandler } from '../../src/slack-relay/relay-handler.js';
import { webhookPoster } from '../../src/slack-relay/webhook-poster.js';
import { loadWebhookTargets } from '../../src/slack-relay/webhook-targets.js';

/** One SNS notification as an SQS subscription (not raw) receives it. */
export type SnsDelivery = {
  readonly snsMessageId: string;
  readonly topicArn: string;
  readonly message: string;
  readonly route?: string;
};

export const anSnsDelivery = (
  message: string,
  route: string,
  topicArn = 'arn:aws:sns:us-east-1:123456789012:findings-slack'
): SnsDelivery => ({
  snsMessageId: randomUUID(),
  topicArn,
  message,
  route,
});

/** SNS → SQS: the SNS JSON envelope as the record body, a fresh SQS message id. */
export const sqsRecordOf = (delivery: SnsDelivery): SQSRecord => ({
  messageId: randomUUID(),
  receiptHandle: 'handle',
  body: JSON.stringify({
    Type: 'Notification',
    MessageId: delivery.snsMessageId,
    TopicArn: delivery.topicArn,
    Message: delivery.message,
    Timestamp: '2026-12-01T00:00:00.000Z',
    ...(delivery.route
      ? {
          MessageAttributes: {
            route: { Type: 'String', Value: delivery.route },
          },
        }
      : {}),
  }),
  attributes: {
    ApproximateReceiveCount: '1',
    SentTimestamp: '0',
    SenderId: 'sns',
    ApproximateFirstReceiveTimestamp: '0',
  },
  messageAttributes: {},
  md5OfBody: '',
  eventSource: 'aws:sqs',
  eventSourceARN: 'arn:aws:sqs:us-east-1:123456789012:relay',
  awsRegion: 'us-east-1',
});

export const sqsEventOf = (records: readonly SQSRecord[]): SQSEvent => ({
  Records: [...records],
});

/** Every log line as `[level, message, attributes]`. */
export const aRecordingLog = () => {
  const lines: [string, string, Record<string, unknown>][] = [];
  const log: RelayLog = {
    info: (message, attributes) => lines.push(['INFO', message, attributes]),
    warn: (message, attributes) => lines.push(['WARN', message, attributes]),
    error: (message, attributes) => lines.push(['ERROR', message, attributes]),
  };
  return { log, lines };
};

export const aMemoryKeeper = () => {
  const kept: KeptMessage[] = [];
  const keeper: FailureKeeper = {
    keep: async (message) => {
      kept.push(message);
    },
  };
  return { keeper, kept };
};

/**
 * One relay execution environment, as `functions/relay-slack.ts` wires it,
 * with the secrets in a map, an in-memory failure keeper and a given clock.
 */
export const aRelay = async (options: {
  config: Config;
  secrets: Readonly<Record<string, string>>;
  clock: Clock;
  /** What the Lambda context says is left of the invocation. @default 900_000 */
  remainingMs?: number;
}) => {
  const { log, lines } = aRecordingLog();
  const { keeper, kept } = aMemoryKeeper();
  /** When each post started, by webhook URL, on the relay's clock. */
  const postStarts = new Map<string, number[]>();
  const targets = await loadWebhookTargets(
    options.config,
    async (id) => {
      const value = options.secrets[id];
      if (value === undefined) throw new Error(`no secret ${id}`);
      return value;
    },
    (url) => {
      const post = webhookPoster(url);
      const starts: number[] = [];
      postStarts.set(url, starts);
      return (message) => {
        starts.push(options.clock.now());
        return post(message);
      };
    }
  );
  const handler = createRelayHandler({
    targets,
    pacer: createPacer(options.clock),
    clock: options.clock,
    delivered: createDeliveryLog(),
    keeper,
    log,
  });
  const remainingMs = options.remainingMs ?? 900_000;
  return {
    lines,
    kept,
    /** When each post to a webhook URL started, on the relay's clock. */
    postStarts: (url: string) => postStarts.get(url) ?? [],
    /** The smallest gap between two posts to one webhook (Infinity if none). */
    minPostGap: () =>
      Math.min(
        ...[...postStarts.values()].flatMap((starts) =>
          starts.slice(1).map((at, index) => at - (starts[index] as number))
        )
      ),
    invoke: (records: readonly SQSRecord[]) =>
      handler(sqsEventOf(records), {
        getRemainingTimeInMillis: () => remainingMs,
      }),
  };
};
