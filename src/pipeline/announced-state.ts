import type { AnnouncedState } from '../dedup/dedup-store.js';
import type { Finding } from '../findings/finding.js';

/**
 * The material state of a finding. Timestamps, Security Hub's NEW/NOTIFIED
 * workflow and event ids are left out on purpose: AWS re-sends findings with
 * new values for all of them when nothing a reader cares about changed.
 */
export const announcedState = (finding: Finding): AnnouncedState => {
  // A person's request to share is posted whatever the finding's lifecycle:
  // its state is always "open", so a resolved finding is not skipped.
  const lifecycle = finding.sharedBy ? 'OPEN' : finding.status.lifecycle;
  return {
    severity: finding.severity.label,
    lifecycle,
    fingerprint: `${finding.severity.label}|${lifecycle}`,
  };
};

/**
 * Dedup key: one record per route and finding. A finding shared with a
 * custom action has its own record per action, apart from the finding's
 * announcements: sharing bypasses their window, and a second click on the
 * same action within `SHARE_WINDOW_MS` is the duplicate.
 */
export const dedupKey = (route: string, finding: Finding): string =>
  finding.sharedBy
    ? `${route}#shared:${finding.sharedBy.actionArn ?? finding.sharedBy.actionName}#${finding.id}`
    : `${route}#${finding.id}`;

/** The same action on the same finding within a minute is a double-click: posted once. */
export const SHARE_WINDOW_MS = 60_000;
