import { describe, expect, it } from 'vitest';
import {
  isAtLeast,
  parseScore,
  parseSeverityLabel,
  SEVERITY_LABELS,
  scoreToLabel,
  severityRank,
} from '../../../src/events/severity.js';

describe('Function: scoreToLabel', () => {
  it.each([
    { score: 0, label: 'INFORMATIONAL' },
    { score: 0.05, label: 'LOW' },
    { score: 0.1, label: 'LOW' },
    { score: 3.9, label: 'LOW' },
    { score: 3.95, label: 'LOW' },
    { score: 3.99, label: 'LOW' },
    { score: 4.0, label: 'MEDIUM' },
    { score: 6.9, label: 'MEDIUM' },
    { score: 6.95, label: 'MEDIUM' },
    { score: 7.0, label: 'HIGH' },
    { score: 8.9, label: 'HIGH' },
    { score: 8.95, label: 'HIGH' },
    { score: 9.0, label: 'CRITICAL' },
    { score: 10.0, label: 'CRITICAL' },
  ])('maps $score to $label', ({ score, label }) => {
    // Act
    const result = scoreToLabel(score);

    // Assess
    expect(result).toBe(label);
  });

  it.each([
    { case: 'below 0', score: -0.1 },
    { case: 'above 10', score: 10.1 },
    { case: 'NaN', score: Number.NaN },
    { case: '+Infinity', score: Number.POSITIVE_INFINITY },
    { case: '-Infinity', score: Number.NEGATIVE_INFINITY },
  ])('gives no label to a score $case', ({ score }) => {
    // Act
    const result = scoreToLabel(score);

    // Assess
    expect(result).toBeUndefined();
  });
});

describe('Function: parseSeverityLabel', () => {
  it.each([
    { value: 'HIGH', label: 'HIGH' },
    { value: 'high', label: 'HIGH' },
    { value: ' Critical ', label: 'CRITICAL' },
    { value: 'INFORMATIONAL', label: 'INFORMATIONAL' },
    { value: 'UNTRIAGED', label: 'UNTRIAGED' },
  ])('reads "$value" as $label', ({ value, label }) => {
    // Act
    const result = parseSeverityLabel(value);

    // Assess
    expect(result).toBe(label);
  });

  it.each([
    { case: 'an unknown word', value: 'SEVERE' },
    { case: 'a vendor severity', value: 'Moderate' },
    { case: 'an empty string', value: '' },
    { case: 'a number', value: 70 },
    { case: 'null', value: null },
    { case: 'undefined', value: undefined },
    { case: 'an inherited property name', value: 'constructor' },
  ])('returns undefined for $case', ({ value }) => {
    // Act
    const result = parseSeverityLabel(value);

    // Assess
    expect(result).toBeUndefined();
  });
});

describe('Function: parseScore', () => {
  it.each([
    { case: 'the string "40"', value: '40', score: 40 },
    { case: 'the string "6.0"', value: '6.0', score: 6 },
    { case: 'a padded string', value: ' 7.5 ', score: 7.5 },
    { case: 'a number', value: 9.8, score: 9.8 },
    { case: 'zero', value: 0, score: 0 },
  ])('reads $case', ({ value, score }) => {
    // Act
    const result = parseScore(value);

    // Assess
    expect(result).toBe(score);
  });

  it.each([
    { case: 'an empty string', value: '' },
    { case: 'a blank string', value: '   ' },
    { case: 'a word', value: 'abc' },
    { case: 'a label', value: 'HIGH' },
    { case: 'NaN', value: Number.NaN },
    { case: 'Infinity', value: Number.POSITIVE_INFINITY },
    { case: 'the string "Infinity"', value: 'Infinity' },
    { case: 'null', value: null },
    { case: 'a boolean', value: true },
    { case: 'an object', value: { score: 4 } },
  ])('returns undefined for $case', ({ value }) => {
    // Act
    const result = parseScore(value);

    // Assess
    expect(result).toBeUndefined();
  });
});

describe('Function: isAtLeast', () => {
  it.each([
    { label: 'CRITICAL', threshold: 'HIGH', expected: true },
    { label: 'HIGH', threshold: 'HIGH', expected: true },
    { label: 'MEDIUM', threshold: 'HIGH', expected: false },
    { label: 'INFORMATIONAL', threshold: 'LOW', expected: false },
    { label: 'UNTRIAGED', threshold: 'INFORMATIONAL', expected: true },
    { label: 'UNTRIAGED', threshold: 'UNTRIAGED', expected: true },
    { label: 'UNTRIAGED', threshold: 'LOW', expected: false },
    { label: 'LOW', threshold: 'UNTRIAGED', expected: true },
    { label: 'INFORMATIONAL', threshold: 'UNTRIAGED', expected: false },
  ] as const)(
    'returns $expected for $label against $threshold',
    ({ label, threshold, expected }) => {
      // Act
      const result = isAtLeast(label, threshold);

      // Assess
      expect(result).toBe(expected);
    }
  );
});

describe('Constant: severityRank', () => {
  it('orders the score labels from INFORMATIONAL to CRITICAL', () => {
    // Act
    const ranks = SEVERITY_LABELS.map((label) => severityRank[label]);

    // Assess
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(new Set(ranks).size).toBe(SEVERITY_LABELS.length);
  });

  it('ranks UNTRIAGED above INFORMATIONAL and below LOW', () => {
    // Assess
    expect(severityRank.UNTRIAGED).toBeGreaterThan(severityRank.INFORMATIONAL);
    expect(severityRank.UNTRIAGED).toBeLessThan(severityRank.LOW);
  });
});
