import type { Finding } from '../findings/finding.js';
import { type ItemKind, itemKind } from '../findings/notice.js';
import type { Check } from './check.js';
import type { Condition } from './condition-schema.js';

/**
 * The kinds a route's condition asks for: its `kind` list, else the kinds
 * its `coverage` and `customAction` keys imply, else findings only. A
 * route written before notices existed therefore never receives one.
 */
export const kindsOf = (condition: Condition | undefined): ItemKind[] => {
  if (condition?.kind) return [...condition.kind];
  const implied: ItemKind[] = [];
  if (condition?.coverage) implied.push('coverage');
  if (condition?.customAction) implied.push('custom-action');
  return implied.length > 0 ? implied : ['finding'];
};

/**
 * The rule a route applies, per condition, for what the condition leaves
 * out about kinds:
 * - the item's kind must be one the condition asks for (`kindsOf`);
 * - coverage notices: without `coverage.status`, blind spots opening
 *   (`INACTIVE`) only, plus their closing (`ACTIVE`) on routes that
 *   announce resolutions;
 * - scan summaries: without `severity`, only scans that found something or
 *   failed (the route's `severity` sets the level otherwise).
 */
export const defaultKindCheck = (
  route: { readonly announceResolutions: boolean },
  condition?: Condition
): Check => {
  const kinds = kindsOf(condition);
  const statuses =
    condition?.coverage?.status ??
    (route.announceResolutions ? ['INACTIVE', 'ACTIVE'] : ['INACTIVE']);
  const anyScan = condition?.severity !== undefined;
  return (finding: Finding) => {
    const kind = itemKind(finding);
    if (!kinds.includes(kind)) {
      return kind === 'finding'
        ? `the route asks for ${kinds.join(', ')}, not findings`
        : `the route does not ask for ${kind} (list kind: ${kind} in its match)`;
    }
    const notice = finding.notice;
    if (
      notice?.kind === 'coverage' &&
      !(statuses as readonly string[]).includes(notice.status)
    ) {
      return `coverage status ${notice.status} is not ${statuses.join(' or ')} (list coverage.status, or set announceResolutions, to announce it)`;
    }
    if (
      notice?.kind === 'scan' &&
      !anyScan &&
      notice.found === 0 &&
      notice.status !== 'FAILED'
    ) {
      return 'the scan found nothing (list severity in the route to announce such scans)';
    }
    return undefined;
  };
};
