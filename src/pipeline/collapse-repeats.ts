import type { Finding } from '../findings/finding.js';
import { announcedState } from './announced-state.js';

/**
 * Splits an event's findings into the first of each (finding, state) and
 * the repeats: Security Hub batches can carry the same finding twice, and
 * its routes and dedup records are the same for both copies, so one claim
 * per route is enough. A second copy in another state stays in `findings`.
 */
export const collapseRepeats = (
  findings: readonly Finding[]
): { findings: Finding[]; repeats: Finding[] } => {
  const seen = new Set<string>();
  const unique: Finding[] = [];
  const repeats: Finding[] = [];
  for (const finding of findings) {
    const key = `${finding.id}\n${announcedState(finding).fingerprint}`;
    if (seen.has(key)) repeats.push(finding);
    else {
      seen.add(key);
      unique.push(finding);
    }
  }
  return { findings: unique, repeats };
};
