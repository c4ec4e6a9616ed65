import type { EventReport } from '../pipeline/outcome.js';

/**
 * Thrown by the handler when any delivery failed, after every other finding
 * of the event was processed and the failed claims were released: Lambda
 * then retries the event, and after its retries hands it to the function's
 * failure destination. Published deliveries are confirmed, so a retry only
 * re-sends what failed.
 */
export class DeliveryError extends Error {
  readonly failures: readonly {
    findingId: string;
    route: string;
    reason: string;
    errorCode: string;
    retryable: boolean;
  }[];

  /** False when some failure cannot be fixed by a retry. */
  readonly retryable: boolean;

  constructor(report: EventReport) {
    const failures = report.findings.flatMap((finding) =>
      finding.deliveries
        .filter((delivery) => delivery.outcome === 'failed')
        .map((delivery) => ({
          findingId: finding.findingId,
          route: delivery.route,
          reason: delivery.reason ?? 'unknown',
          errorCode: delivery.errorCode ?? 'UnknownError',
          retryable: delivery.retryable ?? true,
        }))
    );
    super(
      `${failures.length} notification(s) of event ${report.meta.eventId ?? '(no id)'} failed: ${failures
        .map(
          (failure) =>
            `${failure.route} ${failure.findingId}: ${failure.reason}`
        )
        .join('; ')}`
    );
    this.name = 'DeliveryError';
    this.failures = failures;
    this.retryable = failures.every((failure) => failure.retryable);
  }
}
