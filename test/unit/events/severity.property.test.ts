import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  SEVERITY_LABELS,
  scoreToLabel,
  severityRank,
} from '../../../src/events/severity.js';

/**
 * The published bands (Inspector / CVSS v3), in tenths of a point, written
 * out independently of the implementation.
 */
const BANDS_IN_TENTHS = [
  { label: 'INFORMATIONAL', from: 0, to: 0 },
  { label: 'LOW', from: 1, to: 39 },
  { label: 'MEDIUM', from: 40, to: 69 },
  { label: 'HIGH', from: 70, to: 89 },
  { label: 'CRITICAL', from: 90, to: 100 },
] as const;

const bandOf = (tenths: number) =>
  BANDS_IN_TENTHS.find((band) => tenths >= band.from && tenths <= band.to)
    ?.label;

const score = fc.double({ min: 0, max: 10, noNaN: true });

const notAScore = fc.oneof(
  fc.constant(Number.NaN),
  fc.constant(Number.POSITIVE_INFINITY),
  fc.constant(Number.NEGATIVE_INFINITY),
  fc.double({ max: -Number.MIN_VALUE, noNaN: true }),
  fc.double({ min: 10 + Number.EPSILON * 8, noNaN: true })
);

describe('Function: scoreToLabel (properties)', () => {
  it('gives every score in [0, 10] a label', () => {
    fc.assert(
      fc.property(score, (value) => {
        expect(SEVERITY_LABELS).toContain(scoreToLabel(value));
      })
    );
  });

  it('never ranks a higher score below a lower one', () => {
    fc.assert(
      fc.property(score, score, (x, y) => {
        const [low, high] = x <= y ? [x, y] : [y, x];
        const lowLabel = scoreToLabel(low);
        const highLabel = scoreToLabel(high);
        if (!lowLabel || !highLabel) throw new Error('a score lost its label');
        expect(severityRank[lowLabel]).toBeLessThanOrEqual(
          severityRank[highLabel]
        );
      })
    );
  });

  it('matches the published bands on the one-decimal grid', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), (tenths) => {
        expect(scoreToLabel(tenths / 10)).toBe(bandOf(tenths));
      }),
      { numRuns: 500 }
    );
  });

  it('gives no label to a number that is not a 0-10 score', () => {
    fc.assert(
      fc.property(notAScore, (value) => {
        expect(scoreToLabel(value)).toBeUndefined();
      })
    );
  });
});
