import type { SQSEvent } from 'aws-lambda';
import { sqsRecordOf } from '../../src/handler/sqs-batch.js';
import {
  type FindingState,
  findingArn,
  inspector2EventFor,
} from './finding-events.js';

/** An SQS batch as the event source mapping delivers it: one EventBridge event per record. */
export const sqsBatchOf = (
  records: readonly { readonly id: string; readonly event: unknown }[]
): SQSEvent => ({
  Records: records.map(({ id, event }) =>
    sqsRecordOf(id, JSON.stringify(event), 1_764_547_200_000)
  ),
});

/** An Inspector2 Lambda package finding `n` on its own function `fn-<n>`. */
export const findingOnOwnFunction = (
  n: number,
  state: Omit<FindingState, 'arn'>
) => {
  const event = inspector2EventFor({ ...state, arn: findingArn(n) });
  const detail = event.detail as {
    resources: {
      id: string;
      details?: { awsLambdaFunction?: Record<string, unknown> };
    }[];
  };
  const [resource] = detail.resources;
  if (resource) {
    resource.id = `arn:aws:lambda:eu-central-1:123456789012:function:fn-${n}`;
    const fn = resource.details?.awsLambdaFunction;
    if (fn) fn.functionName = `fn-${n}`;
  }
  return event;
};
