import { severityRank } from '../events/severity.js';
import type { AnnouncedState } from './dedup-store.js';
import type { Variant } from './variant.js';

/** The last state a route announced for a finding, and when. */
export type Announced = {
  readonly state: AnnouncedState;
  /** Epoch milliseconds of the confirmed publish. */
  readonly at: number;
};

/** The route's settings the decision depends on. */
export type PlanOptions = {
  /** Same state inside this window is a duplicate; after it, a reminder. */
  readonly windowMs: number;
  /** The route announces resolutions of findings it announced. */
  readonly announceResolutions: boolean;
};

/** Announce (with why) or not (with the reason shown as the duplicate's). */
export type ClaimPlan =
  | { readonly announce: true; readonly variant: Variant }
  | { readonly announce: false; readonly reason: string };

const skip = (reason: string): ClaimPlan => ({ announce: false, reason });

/**
 * Whether a route should announce `current` given what it announced last.
 * Pure: both dedup stores call it between reading and conditionally writing
 * their record, so they agree on every decision.
 *
 * - nothing announced yet: `new` (a resolution of a finding never announced
 *   is skipped: nobody was told it was open);
 * - resolved after an open/suppressed announcement: `resolved` when the
 *   route announces resolutions;
 * - reopened (resolved before, open now) or another lifecycle: `new`;
 * - higher severity rank: `escalated`; a lower one is not announced inside
 *   the window (the reader already saw the worse state);
 * - same (or lower) severity: a duplicate inside the window, a `reminder`
 *   after it.
 */
export const planClaim = (
  previous: Announced | undefined,
  current: AnnouncedState,
  now: number,
  { windowMs, announceResolutions }: PlanOptions
): ClaimPlan => {
  if (current.lifecycle === 'RESOLVED') {
    if (!previous) return skip('resolved, and this route never announced it');
    if (previous.state.lifecycle === 'RESOLVED') {
      return skip(
        `resolution already announced ${new Date(previous.at).toISOString()}`
      );
    }
    return announceResolutions
      ? { announce: true, variant: 'resolved' }
      : skip('resolved, and the route does not announce resolutions');
  }
  if (!previous) return { announce: true, variant: 'new' };
  if (previous.state.lifecycle !== current.lifecycle) {
    return { announce: true, variant: 'new' };
  }
  const before = severityRank[previous.state.severity];
  const after = severityRank[current.severity];
  if (after > before) return { announce: true, variant: 'escalated' };
  if (now - previous.at >= windowMs) {
    return { announce: true, variant: 'reminder' };
  }
  if (after < before) {
    return skip(
      `severity decreased from ${previous.state.severity} to ${current.severity}; decreases are not announced`
    );
  }
  return skip(
    `same state announced ${new Date(previous.at).toISOString()}, within the dedup window`
  );
};
