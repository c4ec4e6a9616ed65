import type { AnnouncedState } from '../dedup/dedup-store.js';
import type { Finding } from '../findings/finding.js';

/**
 * The material state of a finding. Timestamps, Security Hub's NEW/NOTIFIED
 * workflow and event ids are left out on purpose: AWS re-sends findings with
 * new values for all of them when nothing a reader cares about changed.
 */
export const announcedState = (finding: Finding): AnnouncedState => ({
  severity: finding.severity.label,
  lifecycle: finding.status.lifecycle,
  fingerprint: `${finding.severity.label}|${finding.status.lifecycle}`,
});

/** Dedup key: one record per route and finding. */
export const dedupKey = (route: string, finding: Finding): string =>
  `${route}#${finding.id}`;
