import { type ItemKind, itemKind } from '../findings/notice.js';
import { type Check, list } from './check.js';
import type { Condition } from './condition-schema.js';
import { anyGlob } from './glob.js';

export const kindCheck =
  (kinds: readonly ItemKind[]): Check =>
  (finding) => {
    const kind = itemKind(finding);
    return kinds.includes(kind)
      ? undefined
      : `kind ${kind} is not ${list(kinds)}`;
  };

type CoverageCondition = NonNullable<Condition['coverage']>;

export const coverageCheck = ({
  status,
  reason,
  scanType,
}: CoverageCondition): Check => {
  const facets = [
    ['status', status],
    ['reason', reason],
    ['scanType', scanType],
  ] as const;
  return (finding) => {
    const notice = finding.notice;
    if (notice?.kind !== 'coverage') return 'not a coverage notice';
    for (const [facet, wanted] of facets) {
      if (wanted && !(wanted as readonly string[]).includes(notice[facet])) {
        return `coverage ${facet} ${notice[facet]} is not ${list(wanted)}`;
      }
    }
    return undefined;
  };
};

/** Matches the action's name, its ARN, or the id at the end of its ARN. */
export const customActionCheck = (patterns: readonly string[]): Check => {
  const matches = anyGlob(patterns);
  return (finding) => {
    const action = finding.sharedBy;
    if (!action) return 'not shared with a custom action';
    const arn = action.actionArn;
    const names = [
      action.actionName,
      ...(arn ? [arn, arn.slice(arn.lastIndexOf('/') + 1)] : []),
    ];
    return names.some(matches)
      ? undefined
      : `custom action ${action.actionName} is not ${list(patterns)}`;
  };
};
