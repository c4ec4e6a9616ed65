import { severityRank } from '../events/severity.js';
import { type Check, list } from './check.js';
import type { Condition } from './condition-schema.js';
import { anyGlob } from './glob.js';

type Severity = NonNullable<Condition['severity']>;

export const severityCheck = ({ min, max, in: labels }: Severity): Check => {
  return (finding) => {
    const { label } = finding.severity;
    const rank = severityRank[label];
    if (labels && !labels.includes(label))
      return `severity ${label} is not ${list(labels)}`;
    if (min && rank < severityRank[min])
      return `severity ${label} is below ${min}`;
    if (max && rank > severityRank[max])
      return `severity ${label} is above ${max}`;
    return undefined;
  };
};

export const scoreCheck =
  ({ min, max }: NonNullable<Condition['score']>): Check =>
  (finding) => {
    const { score } = finding.severity;
    if (score === undefined) return 'finding has no score';
    if (min !== undefined && score < min)
      return `score ${score} is below ${min}`;
    if (max !== undefined && score > max)
      return `score ${score} is above ${max}`;
    return undefined;
  };

export const epssCheck =
  (min: number): Check =>
  (finding) => {
    const epss = finding.vulnerability?.epss;
    if (epss === undefined) return 'finding has no EPSS score';
    return epss < min ? `EPSS ${epss} is below ${min}` : undefined;
  };

export const fixAvailableCheck =
  (wanted: boolean): Check =>
  (finding) => {
    const fix = finding.vulnerability?.fixAvailable;
    if (fix === undefined) return 'fix availability is unknown';
    const has = fix !== 'NO';
    return has === wanted ? undefined : `fix available is ${fix}`;
  };

export const exploitAvailableCheck =
  (wanted: boolean): Check =>
  (finding) => {
    const exploit = finding.vulnerability?.exploitAvailable;
    if (exploit === undefined) return 'exploit availability is unknown';
    return exploit === wanted
      ? undefined
      : `exploit available is ${exploit ? 'YES' : 'NO'}`;
  };

export const vulnerabilityIdsCheck = (patterns: readonly string[]): Check => {
  const matches = anyGlob(patterns);
  return (finding) => {
    const ids = finding.vulnerability?.ids ?? [];
    return ids.some(matches)
      ? undefined
      : `no vulnerability id matches ${list(patterns)}`;
  };
};
