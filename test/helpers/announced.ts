import type { AnnouncedState } from '../../src/dedup/dedup-store.js';

/** An announced state as `announcedState` builds it from a finding. */
export const aState = (
  severity: AnnouncedState['severity'],
  lifecycle: AnnouncedState['lifecycle'] = 'OPEN'
): AnnouncedState => ({
  severity,
  lifecycle,
  fingerprint: `${severity}|${lifecycle}`,
});
