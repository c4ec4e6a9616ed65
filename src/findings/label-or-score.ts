import { type FindingSeverityLabel, scoreToLabel } from '../events/severity.js';
import type { ScoreSource, Severity } from './finding.js';
import { compact } from './values.js';

/** A score and where it came from. */
export type Scored = {
  readonly score: number;
  readonly scoreSource: ScoreSource;
};

/**
 * The severity when the provider gave a label (people and automation rules
 * may have set it) or a score gives one: the label wins, else the score's
 * band. Undefined when neither does; each format then says what it falls
 * back to.
 */
export const labelOrScore = (
  label: FindingSeverityLabel | undefined,
  scored: Scored | undefined,
  providerLabel: string | undefined
): Severity | undefined => {
  if (label) {
    return compact({
      label,
      labelSource: 'provider-label',
      ...scored,
      providerLabel,
    });
  }
  const fromScore = scored ? scoreToLabel(scored.score) : undefined;
  if (scored && fromScore) {
    return compact({
      label: fromScore,
      labelSource: 'score',
      ...scored,
      providerLabel,
    });
  }
  return undefined;
};
