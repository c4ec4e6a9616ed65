import type { ReplayRecord } from './run-replay.js';

const SEVERITIES = [
  'CRITICAL',
  'HIGH',
  'MEDIUM',
  'LOW',
  'INFORMATIONAL',
  'UNTRIAGED',
];
const OUTCOMES = [
  'published',
  'held',
  'duplicate',
  'suppressed',
  'filtered',
  'failed',
  'ignored',
  'rejected',
];

/**
 * The end-of-run summary: outcomes by severity, with totals. Events that
 * yield no finding (ignored, rejected) and findings rejected on their own
 * count in the "-" column.
 */
export const summaryTable = (records: readonly ReplayRecord[]): string[] => {
  const counts = new Map<string, number>();
  const add = (outcome: string, severity: string) => {
    const key = `${outcome}|${severity}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  };
  for (const { report } of records) {
    if (report.findings.length === 0) add(report.outcome, '-');
    for (const _rejected of report.rejected ?? []) add('rejected', '-');
    for (const finding of report.findings)
      add(finding.outcome, finding.severity.label);
  }
  const count = (outcome: string, severity: string) =>
    counts.get(`${outcome}|${severity}`) ?? 0;
  const columns = [...SEVERITIES, '-'].filter((severity) =>
    OUTCOMES.some((outcome) => count(outcome, severity) > 0)
  );
  const rows = OUTCOMES.filter((outcome) =>
    columns.some((severity) => count(outcome, severity) > 0)
  );
  const header = ['outcome', ...columns, 'total'];
  const body = rows.map((outcome) => {
    const cells = columns.map((severity) => count(outcome, severity));
    return [
      outcome,
      ...cells.map(String),
      String(cells.reduce((sum, cell) => sum + cell, 0)),
    ];
  });
  const totals = columns.map((severity) =>
    rows.reduce((sum, outcome) => sum + count(outcome, severity), 0)
  );
  const footer = [
    'total',
    ...totals.map(String),
    String(totals.reduce((sum, cell) => sum + cell, 0)),
  ];
  const table = [header, ...body, footer];
  const widths = header.map((_, column) =>
    Math.max(...table.map((row) => (row[column] ?? '').length))
  );
  const render = (row: readonly string[]) =>
    row
      .map((cell, column) =>
        column === 0
          ? cell.padEnd(widths[column] ?? 0)
          : cell.padStart(widths[column] ?? 0)
      )
      .join('  ');
  return [
    `Summary: ${records.length} event(s)`,
    render(header),
    ...body.map(render),
    render(footer),
  ];
};
