import type { ReplayRecord } from './run-replay.js';

/**
 * One JSON object per finding (or per event that yields none), with the
 * messages exactly as they would be passed to SNS. Every line has the same
 * keys; what an event without findings lacks is null.
 */
export const toJsonLines = (records: readonly ReplayRecord[]): string[] =>
  records.flatMap(({ input, report }) => {
    const event = {
      input,
      eventId: report.meta.eventId ?? null,
      source: report.meta.source ?? null,
      detailType: report.meta.detailType ?? null,
    };
    if (report.findings.length === 0) {
      // The same keys as a finding's line, so consumers need no special case.
      return [
        JSON.stringify({
          ...event,
          findingId: null,
          provider: null,
          type: null,
          title: null,
          resource: null,
          severity: null,
          score: null,
          scoreSource: null,
          providerSeverity: null,
          lifecycle: null,
          outcome: report.outcome,
          reason: report.reason ?? null,
          routes: [],
          messages: [],
        }),
      ];
    }
    const rejected = (report.rejected ?? []).map((finding) =>
      JSON.stringify({
        ...event,
        findingId: finding.id ?? null,
        provider: null,
        type: null,
        title: null,
        resource: null,
        severity: null,
        score: null,
        scoreSource: null,
        providerSeverity: null,
        lifecycle: null,
        outcome: 'rejected',
        reason: finding.reason,
        routes: [],
        messages: [],
      })
    );
    const lines = report.findings.map((finding) =>
      JSON.stringify({
        ...event,
        findingId: finding.findingId,
        provider: finding.product,
        type: finding.type,
        title: finding.title,
        resource: finding.resource,
        severity: finding.severity.label,
        score: finding.severity.score ?? null,
        scoreSource: finding.severity.scoreSource ?? null,
        providerSeverity: finding.severity.providerLabel ?? null,
        lifecycle: finding.lifecycle,
        outcome: finding.outcome,
        reason: finding.reason,
        routes: finding.deliveries.map((delivery) => ({
          route: delivery.route,
          outcome: delivery.outcome,
          variant: delivery.variant ?? null,
          reason: delivery.reason ?? null,
          // The digest message the finding was counted in (buffered mode).
          digest: delivery.digest ?? null,
        })),
        messages: finding.deliveries.flatMap((delivery) =>
          delivery.message
            ? [
                {
                  route: delivery.route,
                  topicArn: delivery.topicArn,
                  format: delivery.format,
                  variant: delivery.variant ?? null,
                  subject: delivery.message.subject,
                  message: delivery.message.body,
                  messageStructure: delivery.message.structure ?? null,
                  attributes: delivery.message.attributes,
                  digest: delivery.digest ?? null,
                },
              ]
            : []
        ),
      })
    );
    return [...lines, ...rejected];
  });
