import { describe, expect, it } from 'vitest';
import { collapseRepeats } from '../../../src/pipeline/collapse-repeats.js';
import { aFinding } from '../../helpers/a-finding.js';

describe('collapseRepeats', () => {
  it('keeps the first of each finding and state, and returns the repeats', () => {
    const high = aFinding();
    const again = aFinding({ updatedAt: '2024-07-02T00:00:00.000Z' });
    const critical = aFinding({
      severity: { ...high.severity, label: 'CRITICAL' },
    });
    const other = aFinding({ id: 'another-finding' });

    const { findings, repeats } = collapseRepeats([
      high,
      again,
      critical,
      other,
    ]);

    expect(findings).toEqual([high, critical, other]);
    expect(repeats).toEqual([again]);
  });
});
