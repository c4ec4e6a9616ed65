import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { MAX_NESTING, tooDeepAt } from '../events/nesting.js';
import { logDecision } from '../observability/decision-log.js';
import type { DecisionMetrics } from '../observability/decision-metrics.js';
import { decisionsOf } from '../observability/decisions-of.js';
import type { Log } from '../pipeline/log.js';
import type { EventReport } from '../pipeline/outcome.js';
import type { Pipeline } from '../pipeline/pipeline.js';
import { DeliveryError } from './delivery-error.js';
import { hasRejections, RejectedEventError } from './rejected-event-error.js';

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
 * The Lambda handler behind the EventBridge rules, wired with middy. It holds
 * no finding logic: it runs the pipeline, logs and counts every decision in
 * its report, and turns the report into the invocation's result.
 *
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
 * Metrics are flushed whether the invocation succeeds or throws.
 */
export const createHandler = ({
  pipeline,
  log,
  metrics,
  dedupLeaseMs,
}: HandlerDeps) => {
  let timeoutChecked = dedupLeaseMs === undefined;
  return middy<unknown, EventReport, Error, Context>().handler(
    async (event, context) => {
      if (!timeoutChecked) {
        timeoutChecked = true;
        const remainingMs = context.getRemainingTimeInMillis();
        if (remainingMs >= (dedupLeaseMs ?? 0)) {
          log.warn('function timeout is not shorter than the dedup lease', {
            remainingMs,
            dedupLeaseMs,
            fix: 'set the function timeout to 30 s or less',
          });
        }
      }
      try {
        const report = await pipeline.run(event);
        const details = eventDetails(report, event);
        for (const decision of decisionsOf(report)) {
          metrics?.count(decision);
          logDecision(
            log,
            decision,
            report.outcome === 'processed' && decision.outcome === 'rejected'
              ? rejectedFindingDetails(report, event)
              : details
          );
        }
        if (report.findings.some((finding) => finding.outcome === 'failed')) {
          throw new DeliveryError(report);
        }
        if (hasRejections(report)) throw new RejectedEventError(report);
        return report;
      } finally {
        metrics?.flush();
      }
    }
  );
};

export type NotifierHandler = ReturnType<typeof createHandler>;
