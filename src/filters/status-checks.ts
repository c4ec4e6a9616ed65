import type { FindingStatus } from '../findings/finding.js';
import { type Check, list } from './check.js';
import type { Condition } from './condition-schema.js';

type StatusCondition = NonNullable<Condition['status']>;

/**
 * Each status facet given must hold. A facet the finding does not have
 * (Inspector findings have no workflow) does not match a list that asks for it.
 */
export const statusCheck = (condition: StatusCondition): Check => {
  const facets = Object.entries(condition).flatMap(([facet, wanted]) =>
    Array.isArray(wanted)
      ? [[facet as keyof FindingStatus, wanted as readonly string[]] as const]
      : []
  );
  return (finding) => {
    for (const [facet, wanted] of facets) {
      const actual = finding.status[facet];
      if (actual === undefined || !wanted.includes(actual)) {
        return `status.${facet} ${actual ?? '(none)'} is not ${list(wanted)}`;
      }
    }
    return undefined;
  };
};
