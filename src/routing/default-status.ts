import type { Finding } from '../findings/finding.js';

/**
 * The status rule a route applies unless its condition lists `status`:
 * open findings whose Security Hub workflow is NEW (or that have none), and
 * resolutions when the route announces them. Suppressed and archived
 * findings, and Security Hub findings someone already moved past NEW
 * (NOTIFIED — including by this notifier's own acknowledgement — RESOLVED,
 * SUPPRESSED), are left out.
 */
export const defaultStatusCheck =
  (announceResolutions: boolean) =>
  (finding: Finding): string | undefined => {
    const { lifecycle, workflow } = finding.status;
    if (lifecycle === 'RESOLVED') {
      return announceResolutions
        ? undefined
        : 'finding is resolved and the route does not announce resolutions';
    }
    if (lifecycle === 'SUPPRESSED') {
      return 'finding is suppressed (list status in the route to announce suppressed findings)';
    }
    if (workflow !== undefined && workflow !== 'NEW') {
      return `Security Hub workflow is ${workflow}, not NEW (list status.workflow in the route to announce it)`;
    }
    return undefined;
  };
