import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { type RelayDeps, relayBatch } from './relay.js';

/**
 * Time kept back from the invocation's remaining time: no post starts
 * unless it can be answered (10 s request timeout) before this margin.
 */
export const DEADLINE_MARGIN_MS = 2_000;

/**
 * The relay's Lambda handler for an SQS event source with
 * `ReportBatchItemFailures`: records not posted yet are handed back to the
 * queue, everything else is deleted from it (posted, or kept in the failure
 * queue). Never throws for one record's failure.
 */
export const createRelayHandler =
  (deps: RelayDeps) =>
  (event: SQSEvent, context: Pick<Context, 'getRemainingTimeInMillis'>) =>
    relayBatch(
      event.Records,
      deps.clock.now() +
        context.getRemainingTimeInMillis() -
        DEADLINE_MARGIN_MS,
      deps
    ) satisfies Promise<SQSBatchResponse>;
