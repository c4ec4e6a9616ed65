import type { RejectedItem } from '../events/each-item.js';
import type { EventReport } from '../pipeline/outcome.js';

/**
 * Thrown by the handler when an event, or some of its findings, failed
 * validation, after every valid finding was processed and every rejection
 * logged. The invocation fails on purpose: Lambda then hands the whole
 * event to the function's failure destination, where it can be read and
 * replayed (`npm run replay` reads failure-destination records), instead of
 * only a log line. A retry cannot fix it (`retryable` is false); Lambda's own
 * retries find the valid findings already announced (duplicates).
 */
export class RejectedEventError extends Error {
  readonly retryable = false;
  /** What was rejected: the whole event (path `(event)`), or findings by path. */
  readonly rejected: readonly RejectedItem[];
  /** The event's report: what the valid findings did. */
  readonly report: EventReport;

  constructor(report: EventReport) {
    const rejected: readonly RejectedItem[] =
      report.outcome === 'rejected'
        ? [{ path: '(event)', reason: report.reason ?? 'rejected' }]
        : (report.rejected ?? []);
    super(
      `event ${report.meta.eventId ?? '(no id)'}: ${rejected.length} rejected: ${rejected
        .map((item) => item.reason)
        .join('; ')}`.slice(0, 4_096)
    );
    this.name = 'RejectedEventError';
    this.rejected = rejected;
    this.report = report;
  }
}

/** True when the report rejected the event or any of its findings. */
export const hasRejections = (report: EventReport): boolean =>
  report.outcome === 'rejected' || (report.rejected?.length ?? 0) > 0;
