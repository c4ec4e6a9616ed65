import type { ReplayRecord } from './run-replay.js';

const SEVERITY_ORDER = [
  'CRITICAL',
  'HIGH',
  'MEDIUM',
  'LOW',
  'INFORMATIONAL',
  'UNTRIAGED',
];
const OUTCOME_ORDER = [
  'published',
  'duplicate',
  'suppressed',
  'filtered',
  'failed',
  'ignored',
  'rejected',
];

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
  const outcomes = new Map<string, number>();
  const severities = new Map<string, number>();
  const count = (map: Map<string, number>, key: string) =>
    map.set(key, (map.get(key) ?? 0) + 1);
  for (const { input, report } of records) {
    const where = `${input.file}#${input.index}${input.wrapped ? ` (wrapped ${input.wrapped})` : ''}`;
    if (report.findings.length === 0) {
      count(outcomes, report.outcome);
      lines.push(
        `${report.outcome.toUpperCase().padEnd(9)} ${where}: ${report.reason ?? ''}`
      );
      continue;
    }
    for (const finding of report.findings) {
      count(outcomes, finding.outcome);
      count(severities, finding.severity.label);
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
  const table = (
    title: string,
    order: readonly string[],
    map: Map<string, number>
  ) =>
    `${title}: ${
      order
        .filter((key) => map.has(key))
        .map((key) => `${key} ${map.get(key)}`)
        .join(', ') || 'none'
    }`;
  lines.push('');
  lines.push(`Summary: ${records.length} event(s)`);
  lines.push(`  ${table('by outcome', OUTCOME_ORDER, outcomes)}`);
  lines.push(`  ${table('by severity', SEVERITY_ORDER, severities)}`);
  return lines;
};
