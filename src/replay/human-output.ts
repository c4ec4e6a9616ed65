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
  // A digest is printed once, under the first finding it counts.
  const printed = new Set<string>();
  for (const { input, report } of records) {
    const where = `${input.file}#${input.index}${input.wrapped ? ` (wrapped ${input.wrapped})` : ''}`;
    for (const finding of report.rejected ?? []) {
      lines.push(
        `${'REJECTED'.padEnd(9)} ${finding.id ?? finding.path}: ${finding.reason}  (${where})`
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
            `${delivery.route}:${delivery.outcome}${delivery.variant ? `(${delivery.variant}${delivery.digest ? `, digest ${delivery.digest.id}` : ''})` : ''}`
        )
        .join(', ');
      lines.push(
        `${finding.outcome.toUpperCase().padEnd(9)} [${finding.severity.label}${score}] ${finding.title} | ${finding.resource} | ${routes || finding.reason}  (${where})`
      );
      if (!options.showMessages) continue;
      for (const delivery of finding.deliveries) {
        if (!delivery.message) continue;
        const { digest } = delivery;
        if (digest) {
          const key = `${digest.id}/${digest.part}`;
          const part = `digest ${digest.id} part ${digest.part} of ${digest.parts}, ${digest.findings} findings`;
          if (printed.has(key)) {
            lines.push(`    → ${delivery.route}: in ${part} (above)`);
            continue;
          }
          printed.add(key);
          lines.push(`    → ${delivery.route}: ${part}`);
        }
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
