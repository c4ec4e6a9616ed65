import middy, { type MiddyfiedHandler } from '@middy/core';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { MAX_NESTING, tooDeepAt } from '../events/nesting.js';
import { logDecision } from '../observability/decision-log.js';
import type { DecisionMetrics } from '../observability/decision-metrics.js';
import { decisionsOf } from '../observability/decisions-of.js';
import type { Log } from '../pipeline/log.js';
import type { EventReport } from '../pipeline/outcome.js';
import type { Pipeline } from '../pipeline/pipeline.js';
import { DeliveryError } from './delivery-error.js';
import { hasRejections, RejectedEventError } from './rejected-event-error.js';
import {
  type BatchResult,
  eventOfRecord,
  isSqsEvent,
  partialResponse,
  recordFailed,
} from './sqs-batch.js';

export type HandlerDeps = {
  readonly pipeline: Pipeline;
  readonly log: Log;
  /** Decision counts, emitted at the end of every invocation. */
  readonly metrics?: DecisionMetrics;
  /**
   * The dedup store's claim lease. When given, the first invocation of an
   * execution environment warns if the function's timeout is not shorter:
   * a claim could then expire while its holder is still publishing.
   */
  readonly dedupLeaseMs?: number;
  /** Buffered mode: sees each SQS batch's reports (replay, bench, tests); Lambda gets only the failures. */
  readonly onBatch?: (result: BatchResult) => void;
};

/** A rejected event up to this size (JSON characters) is logged whole. */
const REJECTED_EVENT_LOG_MAX = 32_768;

/**
 * The rejected event for its ERROR line, always valid JSON: the event itself
 * when small and shallow enough, else what it was and where it is kept (the
 * invocation fails, so Lambda puts the whole event in the failure
 * destination). Never stringifies an event nested too deep to stringify.
 */
const eventForLog = (event: unknown): Record<string, unknown> => {
  const kept = 'kept whole in the function failure destination';
  if (tooDeepAt(event) !== undefined) {
    return {
      eventNotLogged: `nested deeper than ${MAX_NESTING} levels; ${kept}`,
    };
  }
  const text = JSON.stringify(event) ?? String(event);
  return text.length <= REJECTED_EVENT_LOG_MAX
    ? { event }
    : {
        eventBytes: Buffer.byteLength(text),
        eventNotLogged: `larger than ${REJECTED_EVENT_LOG_MAX} characters; ${kept}`,
      };
};

/** What an event-level line adds: where the event came from, and a rejected event itself. */
const eventDetails = (report: EventReport, event: unknown) => {
  if (report.outcome === 'processed') return {};
  return {
    ...(report.meta.source ? { source: report.meta.source } : {}),
    ...(report.meta.detailType ? { detailType: report.meta.detailType } : {}),
    ...(report.outcome === 'rejected' ? eventForLog(event) : {}),
  };
};

/**
 * What the line of a finding rejected on its own adds (its event went on):
 * where the event came from, and the event itself, on that error line only.
 */
const rejectedFindingDetails = (report: EventReport, event: unknown) => ({
  ...(report.meta.source ? { source: report.meta.source } : {}),
  ...(report.meta.detailType ? { detailType: report.meta.detailType } : {}),
  ...eventForLog(event),
});

/**
 * The Lambda handler behind the EventBridge rules (direct mode) or the SQS
 * queue they feed (buffered mode), wired with middy. It holds no finding
 * logic: it runs the pipeline, logs and counts every decision in its
 * report, and turns the report into the invocation's result.
 *
 * An EventBridge event:
 * - ignored event: logged at INFO, success;
 * - rejected (malformed) event, or findings of it rejected on their own: each
 *   logged at ERROR with its path (a small event with the event itself), the
 *   valid findings processed, then `RejectedEventError` is thrown so that
 *   Lambda keeps the whole event in the failure destination, replayable;
 * - any failed delivery: its claim was released; it is logged at ERROR with
 *   finding, route and error code, and the handler throws `DeliveryError`, so
 *   Lambda retries the event (twice) and then hands it to the failure
 *   destination. A permanent failure (bad parameter, missing topic, KMS
 *   access) throws too: retries cannot fix it, but the invocation must show
 *   as failed so the event reaches the failure destination, never a silent
 *   success.
 *
 * An SQS batch: its events are processed together (one invocation: shared
 * claims, grouped notices and digests), each decision logged with its
 * record's message id, and the records with a failed delivery or a
 * rejection are returned as batch item failures: SQS delivers only those
 * again, and after the queue's receive count moves them to its dead-letter
 * queue. The others are deleted.
 *
 * Metrics are flushed whether the invocation succeeds or throws.
 */
export const createHandler = ({
  pipeline,
  log,
  metrics,
  dedupLeaseMs,
  onBatch,
}: HandlerDeps): NotifierHandler => {
  let timeoutChecked = dedupLeaseMs === undefined;
  const record = (report: EventReport, event: unknown, messageId?: string) => {
    const where = messageId ? { sqsMessageId: messageId } : {};
    const details = { ...eventDetails(report, event), ...where };
    for (const decision of decisionsOf(report)) {
      metrics?.count(decision);
      logDecision(
        log,
        decision,
        report.outcome === 'processed' && decision.outcome === 'rejected'
          ? { ...rejectedFindingDetails(report, event), ...where }
          : details
      );
    }
  };

  const runRecords = async (event: SQSEvent): Promise<SQSBatchResponse> => {
    const events = event.Records.map(eventOfRecord);
    // Held findings go back to the queue the batch came from.
    const queueArn = event.Records[0]?.eventSourceARN;
    const reports = await pipeline.runBatch(events, {
      ...(queueArn ? { queueArn } : {}),
    });
    const result: BatchResult = {
      reports: event.Records.map((item, index) => ({
        id: item.messageId,
        report: reports[index] as EventReport,
      })),
      failedIds: event.Records.flatMap((item, index) => {
        const report = reports[index];
        return report && recordFailed(report) ? [item.messageId] : [];
      }),
    };
    result.reports.forEach(({ id, report }, index) => {
      record(report, events[index], id);
    });
    onBatch?.(result);
    if (result.failedIds.length > 0) {
      log.error('records not done; SQS delivers them again', {
        failedRecords: result.failedIds.length,
        records: event.Records.length,
      });
    }
    return partialResponse(result.failedIds);
  };

  const runEvent = async (event: unknown): Promise<EventReport> => {
    const report = await pipeline.run(event);
    record(report, event);
    if (report.findings.some((finding) => finding.outcome === 'failed')) {
      throw new DeliveryError(report);
    }
    if (hasRejections(report)) throw new RejectedEventError(report);
    return report;
  };

  const handler = middy<
    unknown,
    EventReport | SQSBatchResponse,
    Error,
    Context
  >({
    // No early-timeout timer (middy's default sets one per invocation and
    // abandons the handler 5 ms before Lambda's deadline, leaving its
    // pipeline running into the environment's next invocation): Lambda's
    // own timeout fails the invocation and resets the environment.
    timeoutEarlyInMillis: 0,
  }).handler(async (event, context) => {
    if (!timeoutChecked) {
      timeoutChecked = true;
      const remainingMs = context.getRemainingTimeInMillis();
      if (remainingMs >= (dedupLeaseMs ?? 0)) {
        log.warn('function timeout is not shorter than the dedup lease', {
          remainingMs,
          dedupLeaseMs,
          fix: 'deploy with infra/cdk or infra/sam: they set DEDUP_LEASE_SECONDS to the timeout + 15 s',
        });
      }
    }
    try {
      return isSqsEvent(event)
        ? await runRecords(event)
        : await runEvent(event);
    } finally {
      metrics?.flush();
    }
  });
  return handler as NotifierHandler;
};

/**
 * The handler takes both shapes: an SQS batch answers with its partial
 * batch response, an EventBridge event with its report.
 */
export type NotifierHandler = {
  (event: SQSEvent, context: Context): Promise<SQSBatchResponse>;
  (event: unknown, context: Context): Promise<EventReport>;
} & MiddyfiedHandler<unknown, EventReport | SQSBatchResponse, Error, Context>;
