import type { Finding } from '../findings/finding.js';
import type { Condition } from './condition-schema.js';

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
 *   workflow); on a route that acknowledges, NEW or NOTIFIED, because
 *   NOTIFIED is then its own doing and Security Hub keeps it when the
 *   severity later rises (the dedup state ignores the workflow, so the
 *   re-import its acknowledgement causes stays a duplicate) — replaced when
 *   the condition lists `workflow`.
 */
export const defaultStatusCheck = (
  route: {
    readonly announceResolutions: boolean;
    readonly acknowledge: boolean;
  },
  status: Condition['status'] = {}
) => {
  const { announceResolutions } = route;
  const workflows = route.acknowledge ? ['NEW', 'NOTIFIED'] : ['NEW'];
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
      !workflows.includes(workflow)
    ) {
      return `Security Hub workflow is ${workflow}, not ${workflows.join(' or ')} (list status.workflow in the route to announce it)`;
    }
    return undefined;
  };
};
