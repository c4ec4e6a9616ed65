import type { ReplayRecord } from './run-replay.js';
import { summaryTable } from './summary-table.js';

const indent = (text: string, prefix: string) =>
  text
    .split('\n')
    .map((line) => `${prefix}${line}`)
    .join('\n');

const pretty = (body: string): string => {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
};

/** Human-readable lines: one per finding with its messages, then a summary. */
export const toHumanLines = (
  records: readonly ReplayRecord[],
  options: { readonly showMessages: boolean }
): string[] => {
  const lines: string[] = [];
  for (const { input, report } of records) {
    const where = `${input.file}#${input.index}${input.wrapped ? ` (wrapped ${input.wrapped})` : ''}`;
    for (const finding of report.rejectedFindings ?? []) {
      lines.push(
        `${'REJECTED'.padEnd(9)} ${finding.findingId ?? `finding ${finding.index}`}: ${finding.reason}  (${where})`
      );
    }
    if (report.findings.length === 0) {
      lines.push(
        `${report.outcome.toUpperCase().padEnd(9)} ${where}: ${report.reason ?? ''}`
      );
      continue;
    }
    for (const finding of report.findings) {
      const score =
        finding.severity.score === undefined
          ? ''
          : ` ${finding.severity.score.toFixed(1)}`;
      const routes = finding.deliveries
        .map(
          (delivery) =>
            `${delivery.route}:${delivery.outcome}${delivery.variant ? `(${delivery.variant})` : ''}`
        )
        .join(', ');
      lines.push(
        `${finding.outcome.toUpperCase().padEnd(9)} [${finding.severity.label}${score}] ${finding.title} | ${finding.resource} | ${routes || finding.reason}  (${where})`
      );
      if (!options.showMessages) continue;
      for (const delivery of finding.deliveries) {
        if (!delivery.message) continue;
        lines.push(
          `    → ${delivery.route} (${delivery.format}) ${delivery.topicArn}`
        );
        lines.push(`      subject: ${delivery.message.subject}`);
        lines.push(indent(pretty(delivery.message.body), '      '));
      }
    }
  }
  lines.push('', ...summaryTable(records));
  return lines;
};
