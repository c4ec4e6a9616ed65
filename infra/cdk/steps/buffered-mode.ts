import { Duration } from 'aws-cdk-lib';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sources from 'aws-cdk-lib/aws-lambda-event-sources';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import {
  type BufferingProps,
  LEASE_MARGIN_SECONDS,
} from '../notifier-props.js';
import { failedEventsQueue, queueAlarm } from './failure-paths.js';

/** Buffered mode's function timeout: a 10,000-finding batch with room to spare. */
export const BUFFERED_TIMEOUT_SECONDS = 120;
/** The longest buffered timeout (lease 615 s, visibility 3,600 s + window). */
export const BUFFERED_MAX_TIMEOUT_SECONDS = 600;

/**
 * The timings derived from the function timeout T and the batching window W:
 * - lease = T + 15 s: a claim stays live until its invocation is surely over;
 * - visibility timeout = 6 × T + W (AWS's advice for SQS event sources): a
 *   record comes back only after its batch's invocation and all its claims
 *   ended, so a retried record never meets its own live claim.
 */
export const bufferTimings = (
  timeoutSeconds: number,
  windowSeconds: number
) => ({
  leaseSeconds: timeoutSeconds + LEASE_MARGIN_SECONDS,
  visibilitySeconds: 6 * timeoutSeconds + windowSeconds,
});

export const checkBuffering = (buffering: BufferingProps = {}) => {
  const window = buffering.batchingWindow?.toSeconds() ?? 20;
  const batchSize = buffering.batchSize ?? 10_000;
  const maxConcurrency = buffering.maxConcurrency ?? 2;
  const problems = [
    ...(Number.isInteger(window) && window >= 1 && window <= 300
      ? []
      : [`batchingWindow must be 1-300 s, got ${window}`]),
    ...(Number.isInteger(batchSize) && batchSize >= 1 && batchSize <= 10_000
      ? []
      : [`batchSize must be 1-10000, got ${batchSize}`]),
    ...(Number.isInteger(maxConcurrency) &&
    maxConcurrency >= 2 &&
    maxConcurrency <= 1_000
      ? []
      : [`maxConcurrency must be 2-1000, got ${maxConcurrency}`]),
  ];
  if (problems.length > 0) throw new Error(`buffering: ${problems.join('; ')}`);
  return {
    window,
    batchSize,
    maxConcurrency,
    maxReceiveCount: buffering.maxReceiveCount ?? 5,
  };
};

export type BufferQueue = {
  readonly queue: sqs.Queue;
  readonly deadLetterQueue: sqs.Queue;
  readonly alarm: cloudwatch.Alarm;
};

/**
 * Buffered mode: the rules send events to an encrypted, TLS-only queue with
 * a dead-letter queue (and an alarm on it); an event source mapping hands
 * the function batches with partial batch responses.
 */
export const bufferQueue = (
  scope: Construct,
  fn: lambda.Function,
  timeoutSeconds: number,
  buffering: BufferingProps = {}
): BufferQueue => {
  const settings = checkBuffering(buffering);
  const { visibilitySeconds } = bufferTimings(timeoutSeconds, settings.window);
  const deadLetterQueue = failedEventsQueue(scope, 'BufferDeadLetterQueue');
  const queue = new sqs.Queue(scope, 'BufferQueue', {
    encryption: sqs.QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    retentionPeriod: Duration.days(4),
    visibilityTimeout: Duration.seconds(visibilitySeconds),
    deadLetterQueue: {
      queue: deadLetterQueue,
      maxReceiveCount: settings.maxReceiveCount,
    },
  });
  fn.addEventSource(
    new sources.SqsEventSource(queue, {
      batchSize: settings.batchSize,
      maxBatchingWindow: Duration.seconds(settings.window),
      maxConcurrency: settings.maxConcurrency,
      reportBatchItemFailures: true,
    })
  );
  // A route in a burst sends its held findings back, delayed to the burst's close.
  fn.addToRolePolicy(
    new iam.PolicyStatement({
      sid: 'HoldBurstFindings',
      actions: ['sqs:SendMessage'],
      resources: [queue.queueArn],
    })
  );
  const alarm = queueAlarm(
    scope,
    'BufferDeadLetterAlarm',
    deadLetterQueue,
    `events the function failed on ${settings.maxReceiveCount} times (redrive them from the buffer dead-letter queue)`
  );
  return { queue, deadLetterQueue, alarm };
};
