import { parseScore, parseSeverityLabel, scoreToLabel } from './severity.js';

/**
 * The event schemas' own predicates (`z.custom`, `.refine`), named so the
 * generated checks (`event-checks.generated.ts`) can import them: the same
 * functions run in both.
 */

/**
 * Any JSON number, Infinity included (`1e999` parses to it): the
 * normalizer drops a value outside its domain instead of the finding.
 */
export const isJsonNumber = (value: unknown): boolean =>
  typeof value === 'number' && !Number.isNaN(value);

/** An ASFF `Severity` the notifier can label: a label, or a usable score. */
export const hasUsableSeverity = (severity: {
  Label?: string;
  Normalized?: number | string;
  Original?: string;
}): boolean => {
  if (parseSeverityLabel(severity.Label)) return true;
  const normalized = parseScore(severity.Normalized);
  if (normalized !== undefined && scoreToLabel(normalized / 10)) return true;
  const original = parseScore(severity.Original);
  return original !== undefined && scoreToLabel(original) !== undefined;
};
