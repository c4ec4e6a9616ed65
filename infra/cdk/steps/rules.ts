import { Duration } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import type { Config } from '../../../src/config/config-schema.js';
import { notifierRules } from '../../pre-filter.js';

/**
 * One EventBridge rule per event kind (patterns from
 * `infra/event-patterns.ts`, narrowed by `infra/pre-filter.ts`), each
 * retrying delivery for 24 h into its dead-letter queue; its target is the
 * function (direct mode) or the buffer queue (buffered mode).
 */
export const notifierEventRules = (
  scope: Construct,
  config: Config,
  fn: lambda.IFunction,
  deadLetterQueue: sqs.IQueue,
  /** Buffered mode: the rules send to this queue instead of the function. */
  buffer?: sqs.IQueue
): events.Rule[] =>
  notifierRules(config).map(
    (rule) =>
      new events.Rule(scope, rule.id, {
        description: rule.description,
        eventPattern: rule.pattern as events.EventPattern,
        targets: [
          buffer
            ? new targets.SqsQueue(buffer, {
                deadLetterQueue,
                retryAttempts: 185,
                maxEventAge: Duration.hours(24),
              })
            : new targets.LambdaFunction(fn, {
                deadLetterQueue,
                retryAttempts: 185,
                maxEventAge: Duration.hours(24),
              }),
        ],
      })
  );
