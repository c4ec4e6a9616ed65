import { Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import type { FindingsNotifier } from './notifier.js';
import type { SlackRelay } from './steps/slack-relay.js';

/** A cdk-nag finding accepted by design, and why. */
export type NagAcknowledgement = {
  readonly id: string;
  readonly reason: string;
};

const TERMINAL_QUEUE: NagAcknowledgement[] = [
  {
    id: 'AwsSolutions::AwsSolutions-SQS3',
    reason:
      'This queue is itself the last stop for failed events (a dead-letter queue / on-failure destination); an alarm fires on its first message.',
  },
  {
    id: 'Serverless::Serverless-SQSRedrivePolicy',
    reason:
      'This queue is itself the last stop for failed events (a dead-letter queue / on-failure destination); nothing consumes it automatically, so there is nothing to redrive.',
  },
];

/** The Slack relay's accepted findings: its dead-letter queue and its function. */
const slackRelayAcknowledgements = (
  relay: SlackRelay
): [IConstruct, NagAcknowledgement[]][] => [
  [relay.deadLetterQueue, TERMINAL_QUEUE],
  [
    relay.function,
    [
      {
        id: 'Serverless::Serverless-LambdaDLQ',
        reason:
          'The relay is invoked by an SQS event source: failed messages go to the relay queue’s dead-letter queue (redrive policy), and messages Slack refuses are sent there by the relay with the reason; a function DLQ applies to asynchronous invocations only.',
      },
      {
        id: 'Serverless::Serverless-LambdaEventSourceMappingDestination',
        reason:
          'An SQS event source mapping takes no on-failure destination (that is for streams and Kafka): the queue’s redrive policy sends messages the relay kept failing on to the relay’s dead-letter queue, which is alarmed.',
      },
      {
        id: 'Serverless::Serverless-LambdaTracing',
        reason:
          'X-Ray is off: every post, retry and kept message is logged as structured JSON; tracing would need xray:PutTraceSegments on "*".',
      },
    ],
  ],
];

/**
 * Each cdk-nag finding the design accepts, acknowledged on the one construct
 * it is about (never stack-wide), with its reason. Anything else fails the
 * synth. Listed in docs/deploy.md.
 */
export const nagAcknowledgements = (
  notifier: FindingsNotifier
): [IConstruct, NagAcknowledgement[]][] => [
  [notifier.failureQueue, TERMINAL_QUEUE],
  [notifier.ruleDeadLetterQueue, TERMINAL_QUEUE],
  ...(notifier.buffer
    ? ([[notifier.buffer.deadLetterQueue, TERMINAL_QUEUE]] as [
        IConstruct,
        NagAcknowledgement[],
      ][])
    : []),
  ...(notifier.slackRelay
    ? slackRelayAcknowledgements(notifier.slackRelay)
    : []),
  [
    notifier.function,
    [
      {
        id: 'Serverless::Serverless-LambdaDLQ',
        reason:
          'The function uses an on-failure destination (SQS) instead of a DLQ: it receives the failed event together with the error and the retry count, which a DLQ does not.',
      },
      {
        id: 'Serverless::Serverless-LambdaTracing',
        reason:
          'X-Ray is off: one short invocation per finding with two downstream calls; every decision is already logged as structured JSON and counted in metrics, and tracing would need xray:PutTraceSegments on "*".',
      },
      ...(notifier.buffer
        ? [
            {
              id: 'Serverless::Serverless-LambdaEventSourceMappingDestination',
              reason:
                'An SQS event source mapping takes no on-failure destination (that is for streams and Kafka): the buffer queue redrives a record the function kept failing on to its dead-letter queue, which is alarmed.',
            },
          ]
        : []),
    ],
  ],
  [
    notifier.function.role ?? notifier.function,
    [
      ...(notifier.topicKeyArns.length > 0
        ? [
            {
              id: 'AwsSolutions::AwsSolutions-IAM5[Action::kms:GenerateDataKey*]',
              reason:
                'SNS asks a publisher to an SSE-KMS topic for kms:GenerateDataKey* and kms:Decrypt; granted on the topic key(s) only.',
            },
          ]
        : []),
      ...(notifier.acknowledges
        ? [
            {
              id: 'AwsSolutions::AwsSolutions-IAM5[Resource::*]',
              reason:
                'securityhub:BatchUpdateFindings (only when a route sets acknowledge: true) has the hub as its only resource type, so a resource cannot narrow which findings are updated; the action is the only one granted on "*".',
            },
          ]
        : []),
    ],
  ],
];

/** Applies `nagAcknowledgements` with CDK's `Validations` (cdk-nag 3.x). */
export const acknowledgeNagFindings = (notifier: FindingsNotifier): void => {
  for (const [construct, acknowledgements] of nagAcknowledgements(notifier)) {
    for (const acknowledgement of acknowledgements) {
      Validations.of(construct).acknowledge(acknowledgement);
    }
  }
};
