import type { EventReport, FindingReport } from '../pipeline/outcome.js';
import type { Decision } from './decision.js';

const findingDecisions = (
  eventId: string | undefined,
  finding: FindingReport
): Decision[] => {
  const about = {
    ...(eventId ? { eventId } : {}),
    findingId: finding.findingId,
    severity: finding.severity.label,
    title: finding.title,
  };
  if (finding.deliveries.length === 0) {
    // Filtered, suppressed, or a repeat of a finding earlier in the event.
    return [{ ...about, outcome: finding.outcome, reason: finding.reason }];
  }
  return finding.deliveries.map((delivery) => ({
    ...about,
    outcome: delivery.outcome,
    route: delivery.route,
    ...(delivery.reason ? { reason: delivery.reason } : {}),
    ...(delivery.messageId ? { messageId: delivery.messageId } : {}),
    ...(delivery.errorCode ? { errorCode: delivery.errorCode } : {}),
    ...(delivery.retryable === undefined
      ? {}
      : { retryable: delivery.retryable }),
  }));
};

/**
 * Every decision in one event's report: one for an ignored or rejected event,
 * one per finding that reached no route (filtered, suppressed, repeated in
 * the event), one per route a routed finding reached (published, duplicate
 * or failed), and one per finding rejected on its own (its event went on).
 */
export const decisionsOf = (report: EventReport): Decision[] => {
  const eventId = report.meta.eventId;
  if (report.outcome !== 'processed') {
    return [
      {
        outcome: report.outcome,
        ...(eventId ? { eventId } : {}),
        ...(report.reason ? { reason: report.reason } : {}),
      },
    ];
  }
  const rejected = (report.rejectedFindings ?? []).map(
    (finding): Decision => ({
      outcome: 'rejected',
      ...(eventId ? { eventId } : {}),
      ...(finding.findingId ? { findingId: finding.findingId } : {}),
      reason: finding.reason,
    })
  );
  return [
    ...report.findings.flatMap((finding) => findingDecisions(eventId, finding)),
    ...rejected,
  ];
};
