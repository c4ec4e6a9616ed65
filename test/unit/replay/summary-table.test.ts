import { describe, expect, it } from 'vitest';
import type {
  EventReport,
  FindingReport,
} from '../../../src/pipeline/outcome.js';
import type { ReplayRecord } from '../../../src/replay/run-replay.js';
import { summaryTable } from '../../../src/replay/summary-table.js';

const finding = (
  outcome: FindingReport['outcome'],
  label: 'HIGH' | 'LOW'
): FindingReport => ({
  findingId: `f-${outcome}-${label}`,
  product: 'Inspector',
  type: 'PACKAGE_VULNERABILITY',
  title: 't',
  resource: 'r',
  severity: { label, labelSource: 'provider-label' },
  lifecycle: 'OPEN',
  outcome,
  reason: '',
  deliveries: [],
});

const record = (report: Omit<EventReport, 'meta'>): ReplayRecord => ({
  input: { file: 'x.json', index: 0 },
  report: { meta: {}, ...report },
});

describe('Function: summaryTable', () => {
  it('counts outcomes by severity with totals, events without findings under "-"', () => {
    // Prepare
    const records = [
      record({
        outcome: 'processed',
        findings: [finding('published', 'HIGH'), finding('filtered', 'LOW')],
      }),
      record({
        outcome: 'processed',
        findings: [finding('published', 'HIGH')],
      }),
      record({ outcome: 'ignored', reason: 'scan', findings: [] }),
    ];

    // Act
    const lines = summaryTable(records).map((line) => line.split(/\s+/));

    // Assess
    expect(lines).toEqual([
      ['Summary:', '3', 'event(s)'],
      ['outcome', 'HIGH', 'LOW', '-', 'total'],
      ['published', '2', '0', '0', '2'],
      ['filtered', '0', '1', '0', '1'],
      ['ignored', '0', '0', '1', '1'],
      ['total', '2', '1', '1', '4'],
    ]);
  });
});
