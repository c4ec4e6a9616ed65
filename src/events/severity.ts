/**
 * Severity labels and the score bands shared by CVSS v3, Amazon Inspector and
 * AWS Security Hub (`Severity.Normalized` / 10).
 */
export const SEVERITY_LABELS = [
  'INFORMATIONAL',
  'LOW',
  'MEDIUM',
  'HIGH',
  'CRITICAL',
] as const;

/** A label computed from a score, or given by the provider. */
export type SeverityLabel = (typeof SEVERITY_LABELS)[number];

/**
 * Inspector's label for a vulnerability the vendor has not scored yet. It is
 * its own bucket: it is never treated as a score of 0 or as INFORMATIONAL.
 */
export type FindingSeverityLabel = SeverityLabel | 'UNTRIAGED';

/**
 * Rank used to compare labels. UNTRIAGED sits between INFORMATIONAL and LOW:
 * it is above "nothing to do" but no evidence says it is worse than LOW.
 */
export const severityRank = {
  INFORMATIONAL: 0,
  UNTRIAGED: 1,
  LOW: 2,
  MEDIUM: 3,
  HIGH: 4,
  CRITICAL: 5,
} as const satisfies Record<FindingSeverityLabel, number>;

/** Every label, worst first: the order counts and lists are written in. */
export const WORST_FIRST: readonly FindingSeverityLabel[] = [
  'CRITICAL',
  'HIGH',
  'MEDIUM',
  'LOW',
  'UNTRIAGED',
  'INFORMATIONAL',
];

const isLabel = (value: string): value is FindingSeverityLabel =>
  Object.hasOwn(severityRank, value);

/**
 * Maps a 0–10 score to its label with the CVSS v3 bands:
 * 0 → INFORMATIONAL, 0.1–3.9 → LOW, 4.0–6.9 → MEDIUM, 7.0–8.9 → HIGH,
 * 9.0–10.0 → CRITICAL.
 *
 * Each band starts at its lower bound and runs up to the next one, so scores
 * between the published one-decimal bands belong to the lower band
 * (3.95 → LOW, 6.99 → MEDIUM) and any score above 0 is at least LOW.
 * A value that is not a score (NaN, ±Infinity, below 0, above 10) has no
 * label: the result is `undefined` and callers fall back to their next source.
 */
export const scoreToLabel = (score: number): SeverityLabel | undefined => {
  if (!Number.isFinite(score) || score < 0 || score > 10) return undefined;
  if (score >= 9) return 'CRITICAL';
  if (score >= 7) return 'HIGH';
  if (score >= 4) return 'MEDIUM';
  if (score > 0) return 'LOW';
  return 'INFORMATIONAL';
};

/** Reads a provider's label leniently (`"high"`, `" HIGH "`); unknown → undefined. */
export const parseSeverityLabel = (
  value: unknown
): FindingSeverityLabel | undefined => {
  if (typeof value !== 'string') return undefined;
  const upper = value.trim().toUpperCase();
  return isLabel(upper) ? upper : undefined;
};

/** Reads a number given as a JSON number or a numeric string (`"40"`, `"6.0"`). */
export const parseScore = (value: unknown): number | undefined => {
  const number =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && value.trim() !== ''
        ? Number(value)
        : Number.NaN;
  return Number.isFinite(number) ? number : undefined;
};

/** True when `label` is at least as severe as `threshold`. */
export const isAtLeast = (
  label: FindingSeverityLabel,
  threshold: FindingSeverityLabel
): boolean => severityRank[label] >= severityRank[threshold];
