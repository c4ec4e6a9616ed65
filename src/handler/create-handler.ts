import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import type { Log } from '../pipeline/log.js';
import type { EventReport } from '../pipeline/outcome.js';
import type { Pipeline } from '../pipeline/pipeline.js';
import { DeliveryError } from './delivery-error.js';

export type HandlerDeps = {
  readonly pipeline: Pipeline;
  readonly log: Log;
  /**
   * The dedup store's claim lease. When given, the first invocation of an
   * execution environment warns if the function's timeout is not shorter:
   * a claim could then expire while its holder is still publishing.
   */
  readonly dedupLeaseMs?: number;
};

/** Up to this many characters of a rejected event are logged, so it can be replayed. */
const REJECTED_EVENT_LOG_MAX = 32_768;

const eventForLog = (event: unknown): unknown => {
  const text = JSON.stringify(event) ?? String(event);
  return text.length <= REJECTED_EVENT_LOG_MAX
    ? event
    : `${text.slice(0, REJECTED_EVENT_LOG_MAX)}…`;
};

/**
 * The Lambda handler behind the EventBridge rules, wired with middy. It holds
 * no finding logic: it runs the pipeline and turns its report into the
 * invocation's result.
 *
 * - ignored event: logged at INFO, success;
 * - rejected (malformed) event: logged at ERROR with the event itself, success
 *   (a retry cannot fix it and must not loop);
 * - any failed delivery: its claim was released; throws `DeliveryError`, so
 *   Lambda retries the event (twice) and then hands it to the failure
 *   destination. A permanent failure (bad parameter, missing topic, KMS
 *   access) is logged at ERROR with finding, route and error code and throws
 *   too: the retries cannot fix it, but the invocation must show as failed
 *   so the event reaches the failure destination, never a silent success.
 */
export const createHandler = ({ pipeline, log, dedupLeaseMs }: HandlerDeps) => {
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
      const report = await pipeline.run(event);
      const { meta } = report;
      if (report.outcome === 'rejected') {
        log.error('event rejected', {
          eventId: meta.eventId,
          source: meta.source,
          detailType: meta.detailType,
          outcome: 'rejected',
          reason: report.reason,
          event: eventForLog(event),
        });
      } else if (report.outcome === 'ignored') {
        log.info('event ignored', {
          eventId: meta.eventId,
          source: meta.source,
          detailType: meta.detailType,
          outcome: 'ignored',
          reason: report.reason,
        });
      }
      if (report.findings.some((finding) => finding.outcome === 'failed')) {
        const error = new DeliveryError(report);
        const permanent = error.failures.filter(
          (failure) => !failure.retryable
        );
        for (const failure of permanent) {
          log.error('permanent delivery failure, not retryable', {
            eventId: meta.eventId,
            findingId: failure.findingId,
            route: failure.route,
            errorCode: failure.errorCode,
            reason: failure.reason,
          });
        }
        throw error;
      }
      return report;
    }
  );
};

export type NotifierHandler = ReturnType<typeof createHandler>;
