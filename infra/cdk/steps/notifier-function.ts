import { fileURLToPath } from 'node:url';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { CONFIG_ENV } from '../../../src/config/config-source.js';
import { DEDUP_LEASE_ENV } from '../../../src/dedup/dedup-lease-env.js';
import { DEFAULT_LEASE_MS } from '../../../src/dedup/dedup-store.js';
import { DEDUP_TABLE_ENV } from '../../../src/dedup/dedup-table-env.js';
import {
  FUNCTION_HEAP_ENVIRONMENT,
  FUNCTION_MEMORY_MB,
  FUNCTION_NODE_OPTIONS,
} from '../../function-runtime.js';
import { BUNDLED_CONFIG_PATH } from '../../notifier-config.js';
import { notifierCode } from '../notifier-code.js';
import {
  type FindingsNotifierProps,
  MAX_TIMEOUT_SECONDS,
} from '../notifier-props.js';
import {
  BUFFERED_MAX_TIMEOUT_SECONDS,
  BUFFERED_TIMEOUT_SECONDS,
  bufferTimings,
} from './buffered-mode.js';

/** The bundle `npm run build` writes, wherever the app is run from. */
const BUNDLE_DIR = fileURLToPath(
  new URL('../../../dist/notify-findings', import.meta.url)
);

/**
 * The on-failure queue as a Lambda destination, granted `sqs:SendMessage`
 * only: all Lambda needs (CDK's `SqsDestination` also grants
 * `GetQueueAttributes` and `GetQueueUrl`).
 */
const sendOnlyQueueDestination = (queue: sqs.IQueue): lambda.IDestination => ({
  bind: (_scope, fn) => {
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        sid: 'SendFailedEvents',
        actions: ['sqs:SendMessage'],
        resources: [queue.queueArn],
      })
    );
    return { destination: queue.queueArn };
  },
});

/**
 * The function with its own role (no managed policy), its log group (the
 * only logs it may write), and its failure queue as on-failure destination.
 */
export const notifierFunction = (
  scope: Construct,
  props: FindingsNotifierProps,
  wiring: { readonly tableName: string; readonly failureQueue: sqs.IQueue }
): lambda.Function => {
  const buffered = (props.mode ?? 'buffered') === 'buffered';
  const timeout =
    props.timeout ??
    Duration.seconds(buffered ? BUFFERED_TIMEOUT_SECONDS : MAX_TIMEOUT_SECONDS);
  if (buffered && timeout.toSeconds() > BUFFERED_MAX_TIMEOUT_SECONDS) {
    throw new Error(
      `timeout must be at most ${BUFFERED_MAX_TIMEOUT_SECONDS} s in buffered mode`
    );
  }
  if (!buffered && timeout.toSeconds() > MAX_TIMEOUT_SECONDS) {
    throw new Error(
      `timeout must be at most ${MAX_TIMEOUT_SECONDS} s in direct mode: the dedup claim lease is ${DEFAULT_LEASE_MS / 1000} s`
    );
  }
  const { leaseSeconds } = bufferTimings(timeout.toSeconds(), 0);
  const logGroup = new logs.LogGroup(scope, 'LogGroup', {
    retention: props.logRetention ?? logs.RetentionDays.THREE_MONTHS,
    removalPolicy: RemovalPolicy.DESTROY,
  });
  const role = new iam.Role(scope, 'Role', {
    assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
    description: 'findings-notifier function: least privilege',
  });
  const fn = new lambda.Function(scope, 'Function', {
    description: 'Announces Inspector and Security Hub findings via SNS',
    runtime: lambda.Runtime.NODEJS_24_X,
    architecture: lambda.Architecture.ARM_64,
    handler: 'index.handler',
    code: props.code ?? notifierCode(BUNDLE_DIR),
    memorySize: props.memorySize ?? FUNCTION_MEMORY_MB,
    timeout,
    role,
    logGroup,
    loggingFormat: lambda.LoggingFormat.JSON,
    environment: {
      [CONFIG_ENV.file]: BUNDLED_CONFIG_PATH,
      [DEDUP_TABLE_ENV]: wiring.tableName,
      // The claim lease: the timeout + 15 s.
      [DEDUP_LEASE_ENV]: String(leaseSeconds),
      NODE_OPTIONS: FUNCTION_NODE_OPTIONS,
      // Heap sizes the runtime's own would override in NODE_OPTIONS.
      ...FUNCTION_HEAP_ENVIRONMENT,
    },
    ...(props.reservedConcurrency === undefined
      ? {}
      : { reservedConcurrentExecutions: props.reservedConcurrency }),
    // Lambda retries a failed asynchronous invocation twice, then hands
    // the event to the failure queue with the error.
    retryAttempts: 2,
    maxEventAge: Duration.hours(6),
    onFailure: sendOnlyQueueDestination(wiring.failureQueue),
  });
  role.addToPolicy(
    new iam.PolicyStatement({
      sid: 'WriteOwnLogs',
      actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      resources: [logGroup.logGroupArn],
    })
  );
  return fn;
};
