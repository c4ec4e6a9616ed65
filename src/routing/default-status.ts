import type { Condition } from '../config/condition-schema.js';
import type { Finding } from '../findings/finding.js';

/** The status facets a condition takes over from the defaults. */
const LIFECYCLE_FACETS = [
  'lifecycle',
  'provider',
  'record',
  'compliance',
] as const;

/**
 * The status rule a route applies for the facets its condition does not
 * list under `status`:
 * - lifecycle: open findings only, plus resolutions when the route
 *   announces them (suppressed and archived findings are left out) —
 *   replaced when the condition lists `lifecycle`, `provider`, `record` or
 *   `compliance`;
 * - workflow: Security Hub findings still NEW (or findings without a
 *   workflow) — replaced when the condition lists `workflow`. NOTIFIED
 *   includes this notifier's own acknowledgements.
 */
export const defaultStatusCheck = (
  announceResolutions: boolean,
  status: Condition['status'] = {}
) => {
  const checkLifecycle = !LIFECYCLE_FACETS.some(
    (facet) => status[facet] !== undefined
  );
  const checkWorkflow = status.workflow === undefined;
  return (finding: Finding): string | undefined => {
    const { lifecycle, workflow } = finding.status;
    if (checkLifecycle && lifecycle === 'RESOLVED' && !announceResolutions) {
      return 'finding is resolved and the route does not announce resolutions';
    }
    if (checkLifecycle && lifecycle === 'SUPPRESSED') {
      return 'finding is suppressed (list status.lifecycle in the route to announce it)';
    }
    if (
      checkWorkflow &&
      lifecycle !== 'RESOLVED' &&
      workflow !== undefined &&
      workflow !== 'NEW'
    ) {
      return `Security Hub workflow is ${workflow}, not NEW (list status.workflow in the route to announce it)`;
    }
    return undefined;
  };
};
